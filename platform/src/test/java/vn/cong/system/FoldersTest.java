package vn.cong.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldersTest {

    @Test
    void copyTreeStreamsAFileLargerThanOneChunkAndCountsEveryByte() throws IOException {
        Path from = Files.createTempDirectory("folders-from");
        Path to = Files.createTempDirectory("folders-to").resolve("copy");
        try {
            byte[] large = new byte[(int) (Folders.CHUNK * 2 + 12_345)];
            new Random(42).nextBytes(large);
            byte[] small = "ảnh nhỏ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(Files.createDirectories(from.resolve("2026")).resolve("lon.bin"), large);
            Files.write(from.resolve("2026").resolve("nho.txt"), small);
            Files.createDirectories(from.resolve("trong"));

            List<Long> counted = new ArrayList<>();
            Folders.copyTree(from, to, counted::add);

            assertArrayEquals(large, Files.readAllBytes(to.resolve("2026/lon.bin")));
            assertArrayEquals(small, Files.readAllBytes(to.resolve("2026/nho.txt")));
            assertTrue(Files.isDirectory(to.resolve("trong")), "empty folders are copied too");
            assertEquals(large.length + small.length, counted.stream().mapToLong(Long::longValue).sum());
            assertTrue(counted.size() >= 4, "the large file is reported chunk by chunk, not once at the end: " + counted);
            assertTrue(counted.stream().allMatch(n -> n > 0 && n <= Folders.CHUNK), "no chunk larger than " + Folders.CHUNK + ": " + counted);
            assertEquals(large.length + small.length, Folders.size(to));
        } finally {
            Folders.deleteTree(from);
            Folders.deleteTree(to.getParent());
        }
    }

    @Test
    void aMissingFolderCopiesNothingAndWeighsNothing() throws IOException {
        Path missing = Files.createTempDirectory("folders-missing").resolve("khong-co");
        List<Long> counted = new ArrayList<>();
        Folders.copyTree(missing, missing.resolveSibling("dich"), counted::add);
        assertTrue(counted.isEmpty());
        assertEquals(0, Folders.size(missing));
        assertTrue(Files.notExists(missing.resolveSibling("dich")));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aChecksummedCopyGivesTheSha256OfEachFileAsAFreshReadOfTheCopyDoes() throws Exception {
        Path from = Files.createTempDirectory("folders-sum-from");
        Path to = Files.createTempDirectory("folders-sum-to").resolve("copy");
        try {
            byte[] large = new byte[Folders.HASH_BUFFER * 3 + 5];
            new Random(3).nextBytes(large);
            Files.write(Files.createDirectories(from.resolve("2026")).resolve("lon.bin"), large);
            Files.write(from.resolve("rong.bin"), new byte[0]);

            List<Long> counted = new ArrayList<>();
            Map<String, String> sums = Folders.copyTreeWithChecksums(from, to, counted::add);

            assertEquals(Map.of("2026/lon.bin", sha256(Files.readAllBytes(to.resolve("2026/lon.bin"))),
                    "rong.bin", sha256(Files.readAllBytes(to.resolve("rong.bin")))), sums);
            assertEquals(sha256(large), sums.get("2026/lon.bin"));
            assertArrayEquals(large, Files.readAllBytes(to.resolve("2026/lon.bin")));
            assertEquals(large.length, counted.stream().mapToLong(Long::longValue).sum());
            assertTrue(counted.size() >= 4, "reported buffer by buffer: " + counted);
            assertTrue(Folders.copyTreeWithChecksums(from.resolve("khong-co"), to.resolve("x"), n -> { }).isEmpty());
        } finally {
            Folders.deleteTree(from);
            Folders.deleteTree(to.getParent());
        }
    }

    @Test
    void aMirrorKeepsMatchingFilesCopiesTheRestAndRemovesWhatTheSourceLacks() throws Exception {
        Path from = Files.createTempDirectory("folders-mirror-from");
        Path to = Files.createTempDirectory("folders-mirror-to");
        try {
            byte[] same = new byte[Folders.HASH_BUFFER + 9];
            new Random(4).nextBytes(same);
            byte[] changed = "bản gốc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(Files.createDirectories(from.resolve("a")).resolve("giu.bin"), same);
            Files.write(from.resolve("a").resolve("sua.txt"), changed);
            Files.write(Files.createDirectories(to.resolve("a")).resolve("giu.bin"), same);
            FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
            Files.setLastModifiedTime(to.resolve("a/giu.bin"), old);
            byte[] other = changed.clone();
            other[0] ^= 1;
            Files.write(to.resolve("a/sua.txt"), other);
            Files.write(Files.createDirectories(to.resolve("thua/sau")).resolve("la.bin"), new byte[]{9});
            Map<String, String> expected = Map.of("a/giu.bin", sha256(same), "a/sua.txt", sha256(changed));

            List<Long> counted = new ArrayList<>();
            long written = Folders.mirrorTree(from, to, expected, counted::add);

            assertEquals(changed.length, written, "only the changed file is written");
            assertEquals(old, Files.getLastModifiedTime(to.resolve("a/giu.bin")));
            assertArrayEquals(changed, Files.readAllBytes(to.resolve("a/sua.txt")));
            assertFalse(Files.exists(to.resolve("thua")));
            assertEquals(same.length + changed.length, counted.stream().mapToLong(Long::longValue).sum(),
                    "every byte counted once, a file checked and then copied included");

            Files.write(from.resolve("a/sua.txt"), "hỏng".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> Folders.mirrorTree(from, to, expected, n -> { }));
            assertTrue(refused.getMessage().contains("a/sua.txt"), refused.getMessage());
        } finally {
            Folders.deleteTree(from);
            Folders.deleteTree(to);
        }
    }
}
