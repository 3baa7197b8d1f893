package vn.cong.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Range headers as RFC 9110 §14 reads them, for a file of 1,000 bytes. */
class ByteRangeTest {

    private static final long LENGTH = 1000;

    @Test
    void oneRangeIsAPart() {
        assertEquals(new ByteRange.Part(0, 99), ByteRange.of("bytes=0-99", LENGTH));
        assertEquals(new ByteRange.Part(500, 999), ByteRange.of("bytes=500-", LENGTH));
        assertEquals(new ByteRange.Part(900, 999), ByteRange.of("bytes=900-5000", LENGTH), "the last position is cut to the file");
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertEquals(new ByteRange.Part(800, 999), ByteRange.of("bytes=-200", LENGTH));
        assertEquals(new ByteRange.Part(0, 999), ByteRange.of("bytes=-5000", LENGTH));
    }

    @Test
    void aRangePastTheEndOrAnEmptySuffixIsUnsatisfiable() {
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of("bytes=1000-", LENGTH));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of("bytes=2000-3000", LENGTH));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.of("bytes=-0", LENGTH));
    }

    @Test
    void malformedOtherUnitsAndSeveralRangesAreIgnored() {
        assertEquals(new ByteRange.Whole(), ByteRange.of(null, LENGTH));
        assertEquals(new ByteRange.Whole(), ByteRange.of("bytes=99-0", LENGTH));
        assertEquals(new ByteRange.Whole(), ByteRange.of("bytes=-", LENGTH));
        assertEquals(new ByteRange.Whole(), ByteRange.of("items=0-1", LENGTH));
        assertEquals(new ByteRange.Whole(), ByteRange.of("bytes=0-1,5-9", LENGTH));
        assertEquals(new ByteRange.Whole(), ByteRange.of("bytes=abc", LENGTH));
    }

    @Test
    void contentRangeNamesThePartAndTheWhole() {
        assertEquals("bytes 0-99/1000", new ByteRange.Part(0, 99).contentRange(LENGTH));
    }
}
