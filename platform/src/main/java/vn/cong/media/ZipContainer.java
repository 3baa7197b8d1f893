package vn.cong.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells the ZIP-based formats apart by what the archive declares about itself: Office Open XML
 * lists its main part's content type in {@code [Content_Types].xml}, OpenDocument stores its type in
 * a first entry named {@code mimetype}. A ZIP that declares neither is a plain archive; one that
 * cannot be read at all is not recognised. Entries are read at most {@link #MAX_ENTRY_BYTES} each,
 * so a compression bomb costs nothing.
 */
final class ZipContainer {

    private static final int MAX_ENTRY_BYTES = 256 * 1024;
    private static final int MAX_ENTRIES = 10_000;

    private ZipContainer() {
    }

    static Optional<MediaType> kind(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int count = 0;
            while ((entry = zip.getNextEntry()) != null && count++ < MAX_ENTRIES) {
                if (count == 1 && entry.getName().equals("mimetype")) {
                    return "application/vnd.oasis.opendocument.text".equals(read(zip).strip())
                            ? Optional.of(MediaType.ODT) : Optional.empty();
                }
                if (entry.getName().equals("[Content_Types].xml")) {
                    return officeOpenXml(read(zip));
                }
            }
            return count > 0 ? Optional.of(MediaType.ZIP) : Optional.empty();
        } catch (IOException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** DOCX, XLSX or PPTX by the main part's type; macro-enabled and other variants are not accepted. */
    private static Optional<MediaType> officeOpenXml(String contentTypes) {
        if (contentTypes.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")) {
            return Optional.of(MediaType.DOCX);
        }
        if (contentTypes.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")) {
            return Optional.of(MediaType.XLSX);
        }
        if (contentTypes.contains("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")) {
            return Optional.of(MediaType.PPTX);
        }
        return Optional.empty();
    }

    private static String read(InputStream entry) throws IOException {
        return new String(entry.readNBytes(MAX_ENTRY_BYTES), StandardCharsets.UTF_8);
    }
}
