package vn.cong.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
