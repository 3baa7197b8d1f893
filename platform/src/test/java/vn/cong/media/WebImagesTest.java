package vn.cong.media;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebImagesTest {

    private static final long LIMIT = 5 * 1024 * 1024;

    static byte[] picture(int w, int h, boolean alpha, String format) throws IOException {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(alpha ? new Color(0, 90, 156, 128) : new Color(0, 90, 156));
        g.fillRect(0, 0, w, h / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF segment right after its start marker, carrying a location-like text. */
    static byte[] jpegWithExif() throws IOException {
        byte[] jpeg = picture(400, 300, false, "jpeg");
        byte[] payload = "Exif\0\0GPS 21.0285N 105.8542E Nikon".getBytes(StandardCharsets.ISO_8859_1);
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void largePictureIsScaledIntoItsBoxKeepingItsProportions() throws IOException {
        WebImages.WebImage image = WebImages.prepare(picture(3000, 1000, false, "png"), LIMIT, 800, 256);
        assertEquals(768, image.width());
        assertEquals(256, image.height());
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertEquals(768, read.getWidth());
    }

    @Test
    void metadataDoesNotSurviveRewriting() throws IOException {
        byte[] upload = jpegWithExif();
        assertTrue(new String(upload, StandardCharsets.ISO_8859_1).contains("GPS 21.0285N"), "the fixture carries EXIF");
        WebImages.WebImage image = WebImages.prepare(upload, LIMIT, 800, 256);
        String written = new String(image.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(written.contains("GPS 21.0285N"));
        assertFalse(written.contains("Exif"));
        assertEquals(MediaType.JPEG, image.type());
    }

    @Test
    void transparentPictureStaysPngAndOpaqueOneBecomesJpeg() throws IOException {
        assertEquals(MediaType.PNG, WebImages.prepare(picture(200, 100, true, "png"), LIMIT, 800, 256).type());
        assertEquals(MediaType.JPEG, WebImages.prepare(picture(200, 100, false, "png"), LIMIT, 800, 256).type());
    }

    @Test
    void fileThatIsNotAPictureIsRefusedWhateverItsName() {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.US_ASCII);
        UploadRefused refused = assertThrows(UploadRefused.class, () -> WebImages.prepare(pdf, LIMIT, 800, 256));
        assertTrue(refused.getMessage().contains("không phải ảnh"), refused.getMessage());
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThrows(UploadRefused.class, () -> WebImages.prepare(svg, LIMIT, 800, 256));
    }

    @Test
    void truncatedPictureIsRefused() throws IOException {
        byte[] png = picture(300, 300, false, "png");
        byte[] cut = java.util.Arrays.copyOf(png, 40);
        UploadRefused refused = assertThrows(UploadRefused.class, () -> WebImages.prepare(cut, LIMIT, 800, 256));
        assertTrue(refused.getMessage().startsWith("Không đọc được ảnh"), refused.getMessage());
    }

    @Test
    void pictureOverTheSizeLimitIsRefusedBeforeDecoding() throws IOException {
        byte[] png = picture(300, 300, false, "png");
        UploadRefused refused = assertThrows(UploadRefused.class, () -> WebImages.prepare(png, png.length - 1, 800, 256));
        assertTrue(refused.getMessage().startsWith("Ảnh quá lớn"), refused.getMessage());
    }
}
