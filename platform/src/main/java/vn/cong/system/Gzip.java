package vn.cong.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip, done once when a page or file is stored, then served many times. Files that never change between releases
 * (theme assets) take the best level; a rendered page takes {@link #PAGE_LEVEL}, because every miss of the page cache
 * (each publication makes a tenant's pages miss once) pays for it: on a 33 kB portal home the best level cost 0.47 ms
 * for 6,630 bytes, level 5 0.19 ms for 6,717 (1.3 % more), load-tests/bench, 2026-12-05.
 */
public final class Gzip {

    /** The level of a rendered page. */
    public static final int PAGE_LEVEL = 5;

    private Gzip() {
    }

    /** At the best level. */
    public static byte[] compress(byte[] plain) {
        return compress(plain, Deflater.BEST_COMPRESSION);
    }

    /** At {@code level} (1 fastest … 9 smallest). */
    public static byte[] compress(byte[] plain, int level) {
        var out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (var gz = new LeveledGzip(out, level)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The gzip form at the best level, or null when it would save less than a tenth. */
    public static byte[] compressIfSmaller(byte[] plain) {
        byte[] gz = compress(plain);
        return gz.length < plain.length * 9L / 10 ? gz : null;
    }

    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
