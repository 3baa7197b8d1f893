package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link BackupRestoreTest} with pg_dump archives ({@code cong.backup.format: pg-dump}): the format every backup taken
 * before the copy format holds, which verification and both restores must still read.
 */
@MicronautTest(transactional = false)
class PgDumpBackupRestoreTest extends BackupRestoreTest {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("cong.backup.format", "pg-dump");
        return properties;
    }

    @Override
    protected String rowsFile() {
        return BackupManifests.DUMP;
    }

    @Override
    protected String manifestFormat() {
        return null;
    }
}
