package vn.cong.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Tiny MP4 files written box by box (ISO/IEC 14496-12): an {@code ftyp} box, a {@code moov} box with one track whose
 * sample description names the codec, and an {@code mdat} box of {@code payload} bytes counting 0, 1, 2, … so that a
 * byte range of the file can be checked exactly. Not playable; enough for what the platform checks.
 */
public final class Mp4Fixture {

    private Mp4Fixture() {
    }

    /** An H.264 ({@code avc1}) MP4 of brand {@code isom}. */
    public static byte[] h264(int payload) {
        return mp4("isom", "avc1", payload);
    }

    public static byte[] mp4(String brand, String codec, int payload) {
        byte[] ftyp = box("ftyp", ascii(brand), new byte[] {0, 0, 2, 0}, ascii("isom"), ascii("iso2"), ascii("mp41"));
        byte[] sampleEntry = box(codec, new byte[78]); // visual sample entry fields, all zero
        byte[] stsd = box("stsd", new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, sampleEntry);
        byte[] trak = box("trak", box("tkhd", new byte[84]), box("mdia", box("minf", box("stbl", stsd))));
        byte[] moov = box("moov", box("mvhd", new byte[100]), trak);
        byte[] data = new byte[payload];
        for (int i = 0; i < payload; i++) {
            data[i] = (byte) i;
        }
        return concat(ftyp, moov, box("mdat", data));
    }

    private static byte[] box(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), ascii(type), body);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
