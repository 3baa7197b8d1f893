package vn.cong.ops.backup;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.DatabaseConfiguration;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real pg_dump, writing its dump onto a backup disk that has only {@link #FREE} bytes left: past
 * them every write fails with "No space left on device", as a full filesystem answers. Only for test
 * classes that set {@code test.backup-disk-full}.
 */
@Singleton
@Replaces(PgTools.class)
@Requires(property = "test.backup-disk-full", value = "true")
class FullDiskPgTools extends PgTools {

    /** Bytes the backup disk can still take; tests set it. */
    static final AtomicLong FREE = new AtomicLong(Long.MAX_VALUE);

    FullDiskPgTools(BackupConfiguration config, DatabaseConfiguration db) {
        super(config, db);
    }

    @Override
    public void dumpSchema(DatabaseConfiguration where, String schema, String snapshot, Path file) {
        try {
            Path scratch = Files.createTempFile("cong-dump", ".dump");
            try {
                super.dumpSchema(where, schema, snapshot, scratch);
                try (OutputStream out = new FullDisk(Files.newOutputStream(file))) {
                    Files.copy(scratch, out);
                }
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream onto the full disk: writes what fits, then fails. */
    private static final class FullDisk extends FilterOutputStream {

        FullDisk(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long left = FREE.getAndAccumulate(len, (free, n) -> Math.max(0, free - n));
            out.write(b, off, (int) Math.min(len, left));
            if (left < len) {
                throw new IOException("No space left on device");
            }
        }
    }
}
