package vn.cong.media;

import io.micronaut.core.annotation.Nullable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * TIFF and BMP uploads (scans, office screenshots) turned into a picture browsers show, with the JDK's own ImageIO
 * readers, before the usual checks and smaller copies. Only the first page of a multi-page TIFF is kept, and the
 * note says so. Which format: a picture with transparency, or with few colours (a drawing, chart, screenshot or
 * scanned text: at most 256 colours), becomes PNG, which keeps its sharp edges without loss; any other picture is
 * a photograph and becomes JPEG (quality 0.85), several times smaller than PNG for the same photograph. The TIFF
 * or BMP itself is not kept: like every other picture of the library, the stored file is what is served.
 * Blocking CPU work: callers run it on the bounded {@code image-sizes} executor.
 */
public final class RasterConversion {

    /** Decoded pictures cost memory by the pixel (TIFF may hold 16 bits a channel): a 24-megapixel camera still fits. */
    static final long MAX_PIXELS = 25_000_000L;
    /** Counting pages stops here (a TIFF's page chain could be made to loop). */
    private static final int MAX_PAGES_COUNTED = 100;
    private static final int FEW_COLOURS = 256;
    private static final int MAX_SAMPLES = 1_000_000;

    private RasterConversion() {
    }

    /** The picture as stored: its name with the new extension, bytes, type, and what it was converted from (Vietnamese). */
    public record Converted(String name, byte[] bytes, MediaType type, String note) {
    }

    /** TIFF or BMP, when the bytes are one (the other kinds are told apart by {@link MediaType#sniff} as usual). */
    public static Optional<MediaType> kind(byte[] b) {
        boolean candidate = b.length >= 2 && (b[0] == 'I' && b[1] == 'I' || b[0] == 'M' && b[1] == 'M' || b[0] == 'B' && b[1] == 'M');
        return candidate ? MediaType.sniff(b).filter(RasterConversion::converts) : Optional.empty();
    }

    /** Whether uploads of this kind are converted rather than kept. */
    public static boolean converts(MediaType type) {
        return type == MediaType.TIFF || type == MediaType.BMP;
    }

    /**
     * Converts a TIFF or BMP upload; {@code target} forces the format (a replacement keeps its file's format), else it
     * is chosen as described above. Refuses a file that does not decode or is too large in pixels.
     */
    public static Converted convert(String name, byte[] bytes, MediaType from, @Nullable MediaType target) {
        BufferedImage source = WebImages.decode(bytes, MAX_PIXELS);
        BufferedImage plain = WebImages.scale(source, source.getWidth(), source.getHeight());
        MediaType type = target != null ? target : fewColours(source, plain) ? MediaType.PNG : MediaType.JPEG;
        int pages = from == MediaType.TIFF ? pages(bytes) : 1;
        String note = from.name() + (pages > 1 ? " (chỉ lấy trang đầu trong " + (pages >= MAX_PAGES_COUNTED ? "hơn " + (MAX_PAGES_COUNTED - 1)
                : String.valueOf(pages)) + " trang)" : "");
        return new Converted(renamed(name, type), WebImages.encode(plain, type), type, note);
    }

    private static boolean fewColours(BufferedImage source, BufferedImage plain) {
        if (plain.getColorModel().hasAlpha() || source.getColorModel() instanceof IndexColorModel) {
            return true;
        }
        long pixels = (long) plain.getWidth() * plain.getHeight();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / MAX_SAMPLES)));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < plain.getHeight(); y += step) {
            for (int x = 0; x < plain.getWidth(); x += step) {
                if (colours.add(plain.getRGB(x, y)) && colours.size() > FEW_COLOURS) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How many pages the TIFF has (counted up to {@link #MAX_PAGES_COUNTED}); 1 when the count cannot be read. */
    private static int pages(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int pages = 1;
                while (pages < MAX_PAGES_COUNTED && hasPage(reader, pages)) {
                    pages++;
                }
                return pages;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return 1; // the first page decoded already; a broken chain after it only means it is the one page kept
        }
    }

    private static boolean hasPage(ImageReader reader, int index) {
        try {
            reader.getWidth(index);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String renamed(String name, MediaType type) {
        String base = name == null ? "anh" : name;
        int dot = base.lastIndexOf('.');
        return (dot < 0 ? base : base.substring(0, dot)) + "." + type.extension().toLowerCase(Locale.ROOT);
    }
}
