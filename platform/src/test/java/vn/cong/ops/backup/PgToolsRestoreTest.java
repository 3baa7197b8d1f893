package vn.cong.ops.backup;

import org.junit.jupiter.api.Test;
import vn.cong.tenancy.DatabaseConfiguration;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How pg_restore is called: parallel jobs, and a larger maintenance_work_mem for its own sessions only. */
class PgToolsRestoreTest {

    private static final DatabaseConfiguration DB = new DatabaseConfiguration("127.0.0.1", 5432, "cong", "postgres", "", false);

    private static PgTools tools(int jobs, String memory) {
        return new PgTools(new BackupConfiguration(Path.of("data/backups"), "pg_dump", "pg_restore", jobs, memory, "copy"), DB);
    }

    @Test
    void pgRestoreRunsWithParallelJobsAndItsSessionsGetMoreMemoryForIndexBuilds() {
        PgTools pg = tools(2, "256MB");
        List<String> command = pg.restoreCommand(Path.of("/b/schema.dump"), DB);
        assertTrue(command.contains("--jobs=2"), command.toString());
        assertTrue(command.contains("--exit-on-error") && command.contains("--no-owner"), command.toString());
        assertEquals("/b/schema.dump", command.get(command.size() - 1));
        assertEquals("-c maintenance_work_mem=256MB", pg.restoreSessionOptions());
    }

    @Test
    void oneJobAndNoMemorySettingRestoreAsBefore() {
        PgTools pg = tools(1, "");
        assertFalse(pg.restoreCommand(Path.of("/b/schema.dump"), DB).stream().anyMatch(a -> a.startsWith("--jobs")));
        assertEquals("", pg.restoreSessionOptions());
    }

    @Test
    void aMemorySettingThatIsNotASizeIsRefusedRatherThanPassedToTheServer() {
        assertThrows(BackupFailure.class, () -> tools(2, "256MB -c fsync=off").restoreSessionOptions());
        assertEquals("-c maintenance_work_mem=1GB", tools(2, "1 GB").restoreSessionOptions());
    }
}
