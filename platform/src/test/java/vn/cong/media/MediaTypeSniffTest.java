package vn.cong.media;

import org.junit.jupiter.api.Test;
import vn.cong.testing.SampleFiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File kinds are told by their bytes and structure, whatever the file is called. */
class MediaTypeSniffTest {

    @Test
    void officeOpenXmlFilesAreToldApartByTheirContentTypes() {
        assertEquals(Optional.of(MediaType.DOCX), MediaType.sniff(SampleFiles.docx()));
        assertEquals(Optional.of(MediaType.XLSX), MediaType.sniff(SampleFiles.xlsx()));
        assertEquals(Optional.of(MediaType.PPTX), MediaType.sniff(SampleFiles.pptx()));
    }

    @Test
    void contentTypesAreFoundWhereverTheArchiveKeepsThem() {
        assertEquals(Optional.of(MediaType.DOCX), MediaType.sniff(SampleFiles.docxContentTypesLast()));
    }

    @Test
    void openDocumentTextIsKnownByItsMimetypeEntry() {
        assertEquals(Optional.of(MediaType.ODT), MediaType.sniff(SampleFiles.odt()));
    }

    @Test
    void aZipThatDeclaresNoDocumentIsAPlainArchive() {
        assertEquals(Optional.of(MediaType.ZIP), MediaType.sniff(SampleFiles.zip()));
    }

    @Test
    void macroEnabledWordFilesAreNotRecognised() {
        assertEquals(Optional.empty(), MediaType.sniff(SampleFiles.docm()));
    }

    @Test
    void compoundFilesAreToldApartByTheirStreams() {
        assertEquals(Optional.of(MediaType.DOC), MediaType.sniff(SampleFiles.doc()));
        assertEquals(Optional.of(MediaType.XLS), MediaType.sniff(SampleFiles.xls()));
        assertEquals(Optional.empty(), MediaType.sniff(SampleFiles.compoundFile("PowerPoint Document")));
    }

    @Test
    void truncatedContainersAreNotRecognised() {
        assertEquals(Optional.empty(), MediaType.sniff(Arrays.copyOf(SampleFiles.doc(), 600)));
        assertEquals(Optional.empty(), MediaType.sniff("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void pdfIsKnownByItsHeader() {
        assertEquals(Optional.of(MediaType.PDF), MediaType.sniff(SampleFiles.pdf()));
        assertEquals(Optional.empty(), MediaType.sniff("Quyết định".getBytes(StandardCharsets.UTF_8)));
    }
}
