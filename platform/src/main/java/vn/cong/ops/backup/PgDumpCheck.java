package vn.cong.ops.backup;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.tenancy.DatabaseConfiguration;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Says loudly, at start-up, when backups cannot work: pg_dump missing, or of another major version
 * than the server (a dump from an older pg_dump may not restore; a newer server refuses an older one).
 */
@Singleton
public class PgDumpCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PgDumpCheck.class);

    private final PgTools pg;
    private final DatabaseConfiguration db;
    private volatile String problem;

    public PgDumpCheck(PgTools pg, DatabaseConfiguration db) {
        this.pg = pg;
        this.db = db;
    }

    /** Why backups cannot run, or empty when they can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @EventListener
    @Async
    void onStartup(StartupEvent event) {
        check();
    }

    public Optional<String> check() {
        Optional<Integer> dump = pg.pgDumpMajorVersion();
        if (dump.isEmpty()) {
            problem = "pg_dump không chạy được (thiếu hoặc sai đường dẫn cong.backup.pg-dump): sao lưu sẽ thất bại.";
        } else {
            int server = serverMajorVersion();
            problem = dump.get() == server ? null
                    : "pg_dump phiên bản " + dump.get() + " khác máy chủ PostgreSQL " + server + ": sao lưu có thể không khôi phục được.";
        }
        if (problem != null) {
            LOG.error("BACKUPS: {}", problem);
        }
        return problem();
    }

    private int serverMajorVersion() {
        try (var c = db.openJdbc("postgres");
             var rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            return -1;
        }
    }
}
