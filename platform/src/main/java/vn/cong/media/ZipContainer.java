package vn.cong.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Tells the ZIP-based formats apart by what the archive declares about itself: Office Open XML
 * lists its main part's content type in {@code [Content_Types].xml}, OpenDocument stores its type in
 * an entry named {@code mimetype}. A ZIP that declares neither is a plain archive; one whose central
 * directory cannot be read is not recognised. Entry names come from the central directory and only
 * the one declaring entry is inflated (at most {@link #MAX_ENTRY_BYTES}), so a compression bomb costs
 * nothing to look at.
 */
final class ZipContainer {

    private static final int MAX_ENTRY_BYTES = 256 * 1024;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;

    private ZipContainer() {
    }

    static Optional<MediaType> kind(byte[] bytes) {
        try {
            return kind(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        } catch (RuntimeException | DataFormatException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<MediaType> kind(ByteBuffer b) throws DataFormatException {
        int end = endOfDirectory(b);
        if (end < 0) {
            return Optional.empty();
        }
        int entries = b.getShort(end + 10) & 0xFFFF;
        int at = b.getInt(end + 16);
        for (int i = 0; i < entries; i++) {
            if (b.getInt(at) != DIRECTORY_ENTRY) {
                return Optional.empty();
            }
            int nameLength = b.getShort(at + 28) & 0xFFFF;
            String name = new String(b.array(), at + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals("mimetype")) {
                return "application/vnd.oasis.opendocument.text".equals(content(b, at).strip()) ? Optional.of(MediaType.ODT) : Optional.empty();
            }
            if (name.equals("[Content_Types].xml")) {
                return officeOpenXml(content(b, at));
            }
            at += 46 + nameLength + (b.getShort(at + 30) & 0xFFFF) + (b.getShort(at + 32) & 0xFFFF);
        }
        return entries > 0 ? Optional.of(MediaType.ZIP) : Optional.empty();
    }

    /** The end-of-central-directory record: the last 22 bytes, or further back when the archive has a comment. */
    private static int endOfDirectory(ByteBuffer b) {
        int last = b.capacity() - 22;
        for (int at = last; at >= 0 && at >= last - 65_535; at--) {
            if (b.getInt(at) == END_OF_DIRECTORY) {
                return at;
            }
        }
        return -1;
    }

    /** The (first {@link #MAX_ENTRY_BYTES} of the) content of the entry whose directory record is at {@code directoryEntry}. */
    private static String content(ByteBuffer b, int directoryEntry) throws DataFormatException {
        int method = b.getShort(directoryEntry + 10) & 0xFFFF;
        int compressed = b.getInt(directoryEntry + 20);
        int local = b.getInt(directoryEntry + 42);
        if (b.getInt(local) != LOCAL_HEADER || compressed < 0) {
            throw new IllegalArgumentException("no local header");
        }
        int data = local + 30 + (b.getShort(local + 26) & 0xFFFF) + (b.getShort(local + 28) & 0xFFFF);
        int length = Math.min(compressed, b.capacity() - data);
        if (method == 0) {
            return new String(b.array(), data, Math.min(length, MAX_ENTRY_BYTES), StandardCharsets.UTF_8);
        }
        if (method != 8) {
            throw new IllegalArgumentException("compression method " + method);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(b.array(), data, length);
            byte[] out = new byte[MAX_ENTRY_BYTES];
            int n = 0;
            while (n < out.length && !inflater.finished() && !inflater.needsInput()) {
                n += inflater.inflate(out, n, out.length - n);
            }
            return new String(out, 0, n, StandardCharsets.UTF_8);
        } finally {
            inflater.end();
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
}
