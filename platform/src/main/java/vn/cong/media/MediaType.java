package vn.cong.media;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kinds of file the platform accepts, recognised by their first bytes, never by their name. */
public enum MediaType {
    JPEG("image/jpeg", List.of("jpg", "jpeg"), true),
    PNG("image/png", List.of("png"), true),
    GIF("image/gif", List.of("gif"), true),
    WEBP("image/webp", List.of("webp"), true),
    /** Accepted only to be converted on upload ({@link RasterConversion}): never stored as such. */
    TIFF("image/tiff", List.of("tif", "tiff"), true),
    /** Accepted only to be converted on upload ({@link RasterConversion}): never stored as such. */
    BMP("image/bmp", List.of("bmp"), true),
    PDF("application/pdf", List.of("pdf"), false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), false),
    DOC("application/msword", List.of("doc"), false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), false),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"), false),
    ODT("application/vnd.oasis.opendocument.text", List.of("odt"), false),
    XLS("application/vnd.ms-excel", List.of("xls"), false),
    ZIP("application/zip", List.of("zip"), false),
    /** An MP4 video kept as uploaded (H.264 inside, {@link Mp4Structure}), played from the media library. */
    MP4("video/mp4", List.of("mp4"), false),
    /** Captions of a video (phụ đề): a WebVTT text file. */
    VTT("text/vtt", List.of("vtt"), false);

    /**
     * What may be attached to a content item: documents and pictures kept as uploaded (not the kinds that are converted;
     * videos and captions live in the media library).
     */
    public static final Set<MediaType> ATTACHMENTS = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(TIFF, BMP, MP4, VTT)));

    private final String contentType;
    private final List<String> extensions;
    private final boolean image;

    MediaType(String contentType, List<String> extensions, boolean image) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.image = image;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extensions.get(0);
    }

    public boolean isImage() {
        return image;
    }

    public boolean hasExtension(String ext) {
        return extensions.contains(ext);
    }

    /**
     * What the bytes are. Office files are told apart by their structure, not by a name: an OLE2
     * compound file by the streams in its directory (DOC, XLS), a ZIP archive by its
     * {@code [Content_Types].xml} (DOCX, XLSX, PPTX) or its {@code mimetype} entry (ODT).
     */
    public static Optional<MediaType> sniff(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (isBmp(b)) {
            return Optional.of(BMP);
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return CompoundFile.kind(b);
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return ZipContainer.kind(b);
        }
        if (Mp4Structure.hasMp4Brand(b)) {
            return Optional.of(MP4);
        }
        if (startsWith(b, 'W', 'E', 'B', 'V', 'T', 'T') || startsWith(b, 0xEF, 0xBB, 0xBF, 'W', 'E', 'B', 'V', 'T', 'T')) {
            return WebVtt.isHeader(b) ? Optional.of(VTT) : Optional.empty();
        }
        return Optional.empty();
    }

    public static Optional<MediaType> byContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    public static Optional<MediaType> byExtension(String ext) {
        return Arrays.stream(values()).filter(t -> t.hasExtension(ext)).findFirst();
    }

    /**
     * "BM" alone is too weak a sign (plain text may start with it): a bitmap also names the size of its
     * info header (12, 40, 52, 56, 64, 108 or 124 bytes) at byte 14, and its pixels start after both headers.
     */
    private static boolean isBmp(byte[] b) {
        if (b.length < 26 || !startsWith(b, 'B', 'M')) {
            return false;
        }
        long infoSize = littleEndian(b, 14);
        long pixelsAt = littleEndian(b, 10);
        return Set.of(12L, 40L, 52L, 56L, 64L, 108L, 124L).contains(infoSize) && pixelsAt >= 14 + infoSize;
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
