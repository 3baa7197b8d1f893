package vn.cong.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptEncodingTest {

    @Test
    void gzipIsAcceptedWhenNamedOrCoveredByStar() {
        assertTrue(AcceptEncoding.allowsGzip("gzip"));
        assertTrue(AcceptEncoding.allowsGzip("gzip, deflate, br"));
        assertTrue(AcceptEncoding.allowsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(AcceptEncoding.allowsGzip("*"));
        assertTrue(AcceptEncoding.allowsGzip("x-gzip"));
    }

    @Test
    void gzipIsRefusedWhenAbsentOrWeightedZero() {
        assertFalse(AcceptEncoding.allowsGzip(null));
        assertFalse(AcceptEncoding.allowsGzip(""));
        assertFalse(AcceptEncoding.allowsGzip("identity"));
        assertFalse(AcceptEncoding.allowsGzip("br, deflate"));
        assertFalse(AcceptEncoding.allowsGzip("gzip;q=0"));
        assertFalse(AcceptEncoding.allowsGzip("*, gzip;q=0"));
        assertFalse(AcceptEncoding.allowsGzip("*;q=0"));
    }
}
