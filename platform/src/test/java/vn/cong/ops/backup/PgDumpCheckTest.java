package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.testing.PlatformTestSupport;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PgDumpCheckTest extends PlatformTestSupport {

    @Inject
    PgDumpCheck check;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.backup.pg-dump", "/nonexistent/pg_dump");
    }

    @Test
    void missingPgDumpIsReportedClearly() {
        String problem = check.check().orElseThrow();
        assertTrue(problem.contains("pg_dump không chạy được"), problem);
    }
}
