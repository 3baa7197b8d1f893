package vn.cong.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Gzip at the best level: done once when a page or file is stored, then served many times. */
public final class Gzip {

    private Gzip() {
    }

    public static byte[] compress(byte[] plain) {
        var out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (var gz = new BestGzip(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The gzip form, or null when it would save less than a tenth. */
    public static byte[] compressIfSmaller(byte[] plain) {
        byte[] gz = compress(plain);
        return gz.length < plain.length * 9L / 10 ? gz : null;
    }

    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
