package vn.cong.testing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files built the way office programs write them, small enough to live in a test. */
public final class SampleFiles {

    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";

    private SampleFiles() {
    }

    /** A real one-page PDF, written by Apache PDFBox (once: each save writes a new document id). */
    public static byte[] pdf() {
        return PDF.clone();
    }

    private static final byte[] PDF = onePagePdf();

    private static byte[] onePagePdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts like a PDF, is a web page: what a browser that sniffs would render. */
    public static byte[] htmlPolyglotPdf() {
        return "%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A real PDF with a web page appended after its end: PDF readers open it, sniffers see HTML. */
    public static byte[] pdfWithHtmlAppended() {
        byte[] pdf = pdf();
        byte[] html = "\n<!DOCTYPE html><html><script>alert(1)</script></html>\n".getBytes(StandardCharsets.US_ASCII);
        byte[] both = Arrays.copyOf(pdf, pdf.length + html.length);
        System.arraycopy(html, 0, both, pdf.length, html.length);
        return both;
    }

    public static byte[] docx() {
        return ooxml(OOXML + "wordprocessingml.document.main+xml", "word/document.xml");
    }

    public static byte[] xlsx() {
        return ooxml(OOXML + "spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    }

    public static byte[] pptx() {
        return ooxml(OOXML + "presentationml.presentation.main+xml", "ppt/presentation.xml");
    }

    /** A macro-enabled Word file: a ZIP with content types, but not one the portals accept. */
    public static byte[] docm() {
        return ooxml("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml");
    }

    public static byte[] odt() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text");
        entries.put("content.xml", "<office:document-content/>");
        return zip(entries);
    }

    public static byte[] zip() {
        return zip(Map.of("bang-ke.txt", "Bảng kê hồ sơ"));
    }

    /** A legacy Word document: an OLE2 compound file whose directory holds a {@code WordDocument} stream. */
    public static byte[] doc() {
        return compoundFile("WordDocument");
    }

    /** A legacy Excel workbook: an OLE2 compound file with a {@code Workbook} stream. */
    public static byte[] xls() {
        return compoundFile("Workbook");
    }

    public static byte[] compoundFile(String streamName) {
        ByteBuffer b = ByteBuffer.allocate(512 * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        b.putShort(0x18, (short) 0x3E).putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE)
                .putShort(0x1E, (short) 9).putShort(0x20, (short) 6)
                .putInt(0x2C, 1)            // one FAT sector
                .putInt(0x30, 1)            // directory starts at sector 1
                .putInt(0x38, 4096).putInt(0x3C, -2).putInt(0x40, 0).putInt(0x44, -2).putInt(0x48, 0)
                .putInt(0x4C, 0);           // the FAT is sector 0
        for (int i = 1; i < 109; i++) {
            b.putInt(0x4C + 4 * i, -1);
        }
        int fat = 512;
        b.putInt(fat, -3).putInt(fat + 4, -2).putInt(fat + 8, -2);
        for (int i = 3; i < 128; i++) {
            b.putInt(fat + 4 * i, -1);
        }
        int dir = 1024;
        entry(b, dir, "Root Entry", 5);
        entry(b, dir + 128, streamName, 2);
        return Arrays.copyOf(b.array(), 512 * 4);
    }

    /** {@code n} bytes that begin like a PDF. */
    public static byte[] pdfOfSize(int n) {
        byte[] bytes = Arrays.copyOf(pdf(), n);
        Arrays.fill(bytes, pdf().length, n, (byte) ' ');
        return bytes;
    }

    private static void entry(ByteBuffer b, int at, String name, int type) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < utf16.length; i++) {
            b.put(at + i, utf16[i]);
        }
        b.putShort(at + 64, (short) (utf16.length + 2));
        b.put(at + 66, (byte) type);
    }

    /** A DOCX as some writers lay it out: the main part first, {@code [Content_Types].xml} last, and an archive comment. */
    public static byte[] docxContentTypesLast() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("word/document.xml", "<document/>".repeat(2000));
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\""
                + OOXML + "wordprocessingml.document.main+xml\"/></Types>");
        return zip(entries, "Tạo bởi phần mềm soạn thảo");
    }

    private static byte[] ooxml(String mainType, String mainPart) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/></Types>");
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put(mainPart, "<document/>");
        return zip(entries);
    }

    private static byte[] zip(Map<String, String> entries) {
        return zip(entries, null);
    }

    /** A ZIP archive of the given entries (names to UTF-8 text), for archives a test writes by hand. */
    public static byte[] zipOf(Map<String, String> entries) {
        return zip(entries, null);
    }

    private static byte[] zip(Map<String, String> entries, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (comment != null) {
                zip.setComment(comment);
            }
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
