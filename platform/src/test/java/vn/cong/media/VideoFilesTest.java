package vn.cong.media;

import org.junit.jupiter.api.Test;
import vn.cong.testing.Mp4Fixture;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A video is an MP4 by its ftyp box and H.264 by its track's sample entry; captions are WebVTT by their first line. */
class VideoFilesTest {

    @Test
    void anMp4IsKnownByItsFtypBrand() {
        assertEquals(Optional.of(MediaType.MP4), MediaType.sniff(Mp4Fixture.h264(100)));
        assertEquals(Optional.of(MediaType.MP4), MediaType.sniff(Mp4Fixture.mp4("mp42", "avc1", 10)));
    }

    @Test
    void aQuickTimeMovieOrAFtypWithoutABrandIsNotAnMp4() {
        byte[] quickTime = Mp4Fixture.mp4("qt  ", "avc1", 10);
        // compatible brands of the fixture name isom: drop them to leave only QuickTime's
        byte[] onlyQuickTime = Arrays.copyOf(quickTime, quickTime.length);
        for (int at = 16; at < 28; at++) {
            onlyQuickTime[at] = 'x';
        }
        assertEquals(Optional.empty(), MediaType.sniff(onlyQuickTime));
        assertEquals(Optional.empty(), MediaType.sniff("\0\0\0\u0010ftyp".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void h264IsFoundInTheTrackSampleDescription() {
        assertTrue(Mp4Structure.hasH264Video(Mp4Fixture.h264(10)));
        assertTrue(Mp4Structure.hasH264Video(Mp4Fixture.mp4("isom", "avc3", 10)));
        assertFalse(Mp4Structure.hasH264Video(Mp4Fixture.mp4("isom", "hvc1", 10)), "HEVC is not played by every browser");
    }

    @Test
    void aTruncatedMp4HasNoVideoTrack() {
        byte[] whole = Mp4Fixture.h264(10);
        assertFalse(Mp4Structure.hasH264Video(Arrays.copyOf(whole, 60)));
    }

    @Test
    void captionsAreWebVttByTheirFirstLine() {
        assertEquals(Optional.of(MediaType.VTT), MediaType.sniff("WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(MediaType.VTT), MediaType.sniff("\uFEFFWEBVTT - Phụ đề\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), MediaType.sniff("WEBVTTX\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), MediaType.sniff("1\n00:00:00,000 --> 00:00:02,000\nSRT\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), MediaType.sniff(new byte[] {'W', 'E', 'B', 'V', 'T', 'T', '\n', (byte) 0xC3, 0x28}), "not UTF-8");
    }

    @Test
    void videosAndCaptionsAreNotAttachments() {
        assertFalse(MediaType.ATTACHMENTS.contains(MediaType.MP4));
        assertFalse(MediaType.ATTACHMENTS.contains(MediaType.VTT));
    }
}
