package vn.cong.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an MP4 file's boxes (ISO/IEC 14496-12) far enough to tell what it holds: a file is an MP4 when it starts
 * with an {@code ftyp} box naming an MP4 brand, and a video the portal plays as uploaded when one of its tracks is
 * H.264 (an {@code avc1} or {@code avc3} sample entry under {@code moov/trak/mdia/minf/stbl/stsd}).
 */
final class Mp4Structure {

    /** Major or compatible brands of MP4 files browsers play (QuickTime's {@code qt  } is not one). */
    static final Set<String> BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash");
    private static final Set<String> H264 = Set.of("avc1", "avc3");
    private static final String[] PATH_TO_SAMPLES = {"mdia", "minf", "stbl", "stsd"};

    private Mp4Structure() {
    }

    /** Whether the bytes open with an {@code ftyp} box whose major or a compatible brand is an MP4 one. */
    static boolean hasMp4Brand(byte[] b) {
        if (b.length < 16 || !"ftyp".equals(type(b, 4))) {
            return false;
        }
        long size = u32(b, 0);
        if (size < 16 || size > b.length || size % 4 != 0) {
            return false;
        }
        for (int at = 8; at + 4 <= size; at += 4) {
            if (at != 12 && BRANDS.contains(type(b, at))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a track of the file is H.264 video; false for a file whose boxes do not add up. */
    static boolean hasH264Video(byte[] b) {
        return child(b, 0, b.length, "moov").map(moov -> {
            for (Box trak = firstBox(b, moov.bodyStart(), moov.end()); trak != null; trak = nextBox(b, trak, moov.end())) {
                if (trak.type().equals("trak") && hasH264Samples(b, trak)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private static boolean hasH264Samples(byte[] b, Box trak) {
        Optional<Box> box = Optional.of(trak);
        for (String name : PATH_TO_SAMPLES) {
            box = box.flatMap(parent -> child(b, parent.bodyStart(), parent.end(), name));
        }
        // stsd: version and flags (4 bytes), entry count (4 bytes), then one box per sample entry
        return box.map(stsd -> {
            for (Box entry = firstBox(b, stsd.bodyStart() + 8, stsd.end()); entry != null; entry = nextBox(b, entry, stsd.end())) {
                if (H264.contains(entry.type())) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private record Box(String type, int start, int end) {
        int bodyStart() {
            return start + 8;
        }
    }

    private static Optional<Box> child(byte[] b, int from, int to, String type) {
        for (Box box = firstBox(b, from, to); box != null; box = nextBox(b, box, to)) {
            if (box.type().equals(type)) {
                return Optional.of(box);
            }
        }
        return Optional.empty();
    }

    private static Box nextBox(byte[] b, Box previous, int to) {
        return firstBox(b, previous.end(), to);
    }

    /** The box at {@code at}, or null when there is none or its size does not fit (64-bit sizes too: a small file has none). */
    private static Box firstBox(byte[] b, int at, int to) {
        if (at < 0 || at + 8 > to) {
            return null;
        }
        long size = u32(b, at);
        if (size == 0) {
            size = to - at; // the box runs to the end of its parent
        }
        if (size < 8 || at + size > to) {
            return null;
        }
        return new Box(type(b, at + 4), at, (int) (at + size));
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static String type(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }
}
