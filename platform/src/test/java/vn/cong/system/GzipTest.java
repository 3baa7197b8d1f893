package vn.cong.system;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GzipTest {

    private static final byte[] PAGE = ("<!doctype html><html lang=\"vi\"><body>"
            + "<article><h2>Bộ Khoa học và Công nghệ tổ chức hội nghị tổng kết năm</h2><p>Sáng nay, tại Hà Nội…</p></article>".repeat(400)
            + "</body></html>").getBytes(StandardCharsets.UTF_8);

    @Test
    void everyLevelGivesBackTheSameBytes() throws IOException {
        for (int level = 1; level <= 9; level++) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(Gzip.compress(PAGE, level)))) {
                assertArrayEquals(PAGE, in.readAllBytes(), "level " + level);
            }
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Gzip.compress(PAGE)))) {
            assertArrayEquals(PAGE, in.readAllBytes());
        }
    }

    @Test
    void theLevelIsTheOneAskedFor() {
        // level 1 keeps no lazy matches: on repeated markup it is measurably larger than the best level
        assertTrue(Gzip.compress(PAGE, 1).length > Gzip.compress(PAGE).length);
    }
}
