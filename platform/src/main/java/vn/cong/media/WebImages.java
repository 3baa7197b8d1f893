package vn.cong.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Makes an uploaded picture fit for a web page: recognised by its bytes (PNG, JPEG, GIF, TIFF or BMP),
 * refused when too large in bytes or pixels, scaled down to a bounding box, and written anew, so
 * nothing of the original file but its pixels survives (no EXIF, GPS, comments or embedded
 * profiles). Pictures with transparency stay PNG; others become JPEG. Blocking CPU work: callers
 * run it on a bounded executor.
 */
public final class WebImages {

    /** Decoding a huge picture costs memory in proportion to its pixels: refused before decoding. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final Set<MediaType> ACCEPTED = Set.of(MediaType.PNG, MediaType.JPEG, MediaType.GIF, MediaType.TIFF, MediaType.BMP);

    private WebImages() {
    }

    /** A picture ready for the web and the kind it was written as. */
    public record WebImage(byte[] bytes, MediaType type, int width, int height) {
    }

    public static WebImage prepare(byte[] upload, long maxBytes, int maxWidth, int maxHeight) {
        if (upload.length == 0) {
            throw new UploadRefused("Tệp tải lên rỗng.");
        }
        if (upload.length > maxBytes) {
            throw new UploadRefused("Ảnh quá lớn: tối đa " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        MediaType type = MediaType.sniff(upload).filter(ACCEPTED::contains)
                .orElseThrow(() -> new UploadRefused("Tệp không phải ảnh PNG, JPEG, GIF, TIFF hoặc BMP (đã kiểm tra nội dung tệp)."));
        BufferedImage source = decode(upload);
        BufferedImage scaled = scale(source, maxWidth, maxHeight);
        boolean alpha = scaled.getColorModel().hasAlpha();
        MediaType out = alpha || type == MediaType.GIF ? MediaType.PNG : MediaType.JPEG;
        return new WebImage(encode(scaled, out), out, scaled.getWidth(), scaled.getHeight());
    }

    static BufferedImage decode(byte[] upload) {
        return decode(upload, MAX_PIXELS);
    }

    /** The first picture in the file (a multi-page TIFF's first page), refused before decoding when over {@code maxPixels}. */
    static BufferedImage decode(byte[] upload, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UploadRefused("Không đọc được ảnh: tệp hỏng hoặc không phải ảnh.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new UploadRefused("Ảnh quá lớn: " + reader.getWidth(0) + "×" + reader.getHeight(0) + " điểm ảnh, tối đa "
                            + String.format(java.util.Locale.ROOT, "%,d", maxPixels).replace(',', '.') + " điểm ảnh.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRefused refused) {
                throw refused;
            }
            throw new UploadRefused("Không đọc được ảnh: tệp hỏng hoặc không phải ảnh.");
        }
    }

    static BufferedImage scale(BufferedImage source, int maxWidth, int maxHeight) {
        double factor = Math.min(1.0, Math.min((double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    static byte[] encode(BufferedImage image, MediaType type) {
        var out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type == MediaType.PNG ? "png" : "jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == MediaType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            // no metadata argument: the file carries pixels only
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
