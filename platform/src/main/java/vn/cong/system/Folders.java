package vn.cong.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
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
