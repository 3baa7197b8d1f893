package vn.cong.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/** Copying, measuring and removing folder trees (backups, media). Blocking. */
public final class Folders {

    /** How much of a file one transfer moves before the copy reports progress. */
    static final long CHUNK = 8L * 1024 * 1024;

    private Folders() {
    }

    /** Copies {@code from} into {@code to}; a missing {@code from} copies nothing. */
    public static void copyTree(Path from, Path to) {
        copyTree(from, to, bytes -> {
        });
    }

    /**
     * Copies {@code from} into {@code to}, telling {@code copied} the bytes of each chunk as it lands. Each file is
     * streamed channel to channel (the kernel moves the bytes), never read whole into memory: a tenant's media can be
     * many gigabytes.
     */
    public static void copyTree(Path from, Path to, LongConsumer copied) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    copyFile(p, target, copied);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path from, Path to, LongConsumer copied) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long at = 0; at < size; ) {
                long moved = in.transferTo(at, Math.min(CHUNK, size - at), out);
                if (moved <= 0) {
                    throw new IOException("copy of " + from + " stopped at " + at + " of " + size + " bytes (the file shrank?)");
                }
                at += moved;
                copied.accept(moved);
            }
        }
    }

    /**
     * Copies {@code from} into {@code to} like {@link #copyTree(Path, Path, LongConsumer)}, and computes the SHA-256 of
     * each file from the very bytes it writes: one read of the source instead of a copy and a second read to checksum.
     * Each file passes through one buffer of {@link #HASH_BUFFER} bytes, never whole through memory. Gives each file's
     * path relative to {@code to} ({@code /}-separated) and its SHA-256 in lower-case hex; an empty map for a missing
     * {@code from}.
     */
    public static Map<String, String> copyTreeWithChecksums(Path from, Path to, LongConsumer copied) {
        Map<String, String> checksums = new TreeMap<>();
        if (!Files.isDirectory(from)) {
            return checksums;
        }
        byte[] buffer = new byte[HASH_BUFFER];
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String relative = from.relativize(p).toString().replace('\\', '/');
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    checksums.put(relative, copyFileHashing(p, target, buffer, copied));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checksums;
    }

    /**
     * Makes {@code to} hold exactly the files of {@code from}, whose SHA-256 (by path relative to {@code from}) are
     * {@code expected}: a file already in {@code to} with the same size and the expected SHA-256 is kept (read and
     * checksummed, not written again); every other file is copied, checksummed from the bytes written and refused
     * unless they match {@code expected}; files and folders of {@code to} that {@code from} lacks are removed.
     * {@code done} hears the bytes of each file, kept or copied, as they are read. Gives the bytes written.
     */
    public static long mirrorTree(Path from, Path to, Map<String, String> expected, LongConsumer done) {
        try {
            Files.createDirectories(to);
            Map<String, Path> wanted = new TreeMap<>();
            if (Files.isDirectory(from)) {
                try (Stream<Path> walk = Files.walk(from)) {
                    walk.forEach(p -> wanted.put(from.relativize(p).toString().replace('\\', '/'), p));
                }
            }
            // what to no longer holds: removed deepest first, so a folder is empty when its turn comes
            try (Stream<Path> walk = Files.walk(to)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    String relative = to.relativize(p).toString().replace('\\', '/');
                    Path source = wanted.get(relative);
                    if (!relative.isEmpty() && (source == null || Files.isDirectory(source) != Files.isDirectory(p))) {
                        if (Files.isDirectory(p)) {
                            deleteTree(p);
                        } else {
                            Files.delete(p);
                        }
                    }
                }
            }
            byte[] buffer = new byte[HASH_BUFFER];
            long written = 0;
            for (Map.Entry<String, Path> e : wanted.entrySet()) {
                Path source = e.getValue();
                Path target = to.resolve(e.getKey());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                String sha = expected.get(e.getKey());
                if (sha == null) {
                    throw new IOException(e.getKey() + ": no checksum expected for this file");
                }
                // a file read to be checked and then copied after all counts its bytes once
                long[] read = {0, 0};
                LongConsumer once = n -> {
                    read[0] += n;
                    if (read[0] > read[1]) {
                        done.accept(read[0] - read[1]);
                        read[1] = read[0];
                    }
                };
                if (Files.isRegularFile(target) && Files.size(target) == Files.size(source) && sha.equals(sha256(target, buffer, once))) {
                    continue;
                }
                read[0] = 0;
                String copied = copyFileHashing(source, target, buffer, once);
                written += Files.size(target);
                if (!copied.equals(sha)) {
                    throw new IOException(e.getKey() + ": the bytes copied do not match their expected SHA-256");
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The buffer a checksummed copy reads into, hashes and writes from. */
    static final int HASH_BUFFER = 1024 * 1024;

    private static String copyFileHashing(Path from, Path to, byte[] buffer, LongConsumer copied) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(from);
             OutputStream out = Files.newOutputStream(to, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                copied.accept(n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of a file in lower-case hex, streamed through {@code buffer}, telling {@code hashed} the bytes read. */
    public static String sha256(Path file, byte[] buffer, LongConsumer hashed) {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                hashed.accept(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of every file under {@code folder}; 0 for a missing folder. */
    public static long size(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
