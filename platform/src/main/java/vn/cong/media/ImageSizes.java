package vn.cong.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The smaller copies of an uploaded picture that pages offer in {@code srcset}, made once when the picture
 * is stored (or replaced), with Java's own ImageIO: no native library. JPEG and PNG only; a GIF may be
 * animated and a WebP cannot be decoded without native code, so those are served as uploaded. Each copy is
 * written anew (pixels only, no metadata). Blocking CPU work: callers run it on the bounded
 * {@code image-sizes} executor.
 */
public final class ImageSizes {

    /** The widths offered, smallest first; a picture gets those narrower than itself. */
    static final int[] WIDTHS = {480, 960, 1600};

    private ImageSizes() {
    }

    /** A picture's own size and its smaller copies. */
    public record Sized(int width, int height, List<Copy> copies) {
    }

    /** One smaller copy, in the picture's own format. */
    public record Copy(int width, int height, byte[] bytes) {
    }

    /** Whether pictures of this type get smaller copies. */
    public static boolean resizable(MediaType type) {
        return type == MediaType.JPEG || type == MediaType.PNG;
    }

    /** The part of a picture inside the rectangle (pixels of the picture), written anew in the picture's own format. */
    public static byte[] cropped(byte[] bytes, MediaType type, int x, int y, int width, int height) {
        BufferedImage source = WebImages.decode(bytes);
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > source.getWidth() || y + height > source.getHeight()) {
            throw new IllegalArgumentException("Crop " + width + "x" + height + "+" + x + "+" + y + " outside "
                    + source.getWidth() + "x" + source.getHeight());
        }
        BufferedImage part = source.getSubimage(x, y, width, height);
        return WebImages.encode(WebImages.scale(part, width, height), type);
    }

    /** The picture's size and its copies; refuses (as an upload) a picture that does not decode or is too large. */
    public static Sized of(byte[] bytes, MediaType type) {
        BufferedImage source = WebImages.decode(bytes);
        List<Copy> copies = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width < source.getWidth()) {
                BufferedImage scaled = WebImages.scale(source, width, Integer.MAX_VALUE);
                copies.add(new Copy(scaled.getWidth(), scaled.getHeight(), WebImages.encode(scaled, type)));
            }
        }
        return new Sized(source.getWidth(), source.getHeight(), List.copyOf(copies));
    }
}
