package vn.cong.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Real PostgreSQL and Redis for integration tests: Testcontainers when a Docker engine answers,
 * otherwise the local services on 127.0.0.1. Each test class gets a database of its own (dropped
 * afterwards) and its own Redis key prefix, so classes never see each other's tenants.
 * Subclasses annotate themselves with {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformTestSupport implements TestPropertyProvider {

    private static final boolean DOCKER = dockerAvailable();
    private static PostgreSQLContainer<?> postgres;
    private static GenericContainer<?> redis;

    protected final String databaseName = "cong_t_" + getClass().getSimpleName().toLowerCase(Locale.ROOT)
            + "_" + UUID.randomUUID().toString().substring(0, 6);
    protected final String redisPrefix = "cong:test:" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @Override
    public Map<String, String> getProperties() {
        startContainers();
        Map<String, String> p = new HashMap<>();
        p.put("cong.database.host", pgHost());
        p.put("cong.database.port", String.valueOf(pgPort()));
        p.put("cong.database.name", databaseName);
        p.put("cong.database.user", pgUser());
        p.put("cong.database.password", pgPassword());
        p.put("cong.database.create-if-missing", "true");
        p.put("cong.redis.prefix", redisPrefix);
        p.put("micronaut.session.http.redis.namespace", redisPrefix + "sessions:");
        p.put("redis.uri", redisUri());
        p.put("cong.registry.poll-interval", "1s");
        p.put("micronaut.server.port", "-1");
        p.put("cong.tenants-dir", "");
        // background jobs stay off unless a test drives them: no probes to the test manifests'
        // linked sites (never contact non-loopback addresses), no surprise backups
        p.put("cong.uptime.enabled", "false");
        p.put("cong.uptime.rollup.enabled", "false");
        p.put("cong.uptime.probe-linked-sites", "false");
        p.put("cong.backup.scheduler.enabled", "false");
        p.put("cong.backup.heartbeat.enabled", "false");
        p.put("cong.integrity.enabled", "false");
        p.put("cong.maintenance.scheduler.enabled", "false");
        p.put("cong.workflow.scheduler.enabled", "false");
        // the operator console's second factor is tested where it is configured (ConsoleSecondFactorTest)
        p.put("cong.operator.mfa-required", "false");
        p.put("cong.outbox.enabled", "false");
        p.put("cong.accounts.dormant.enabled", "false");
        p.put("cong.reports.yearly-update-requests.enabled", "false");
        p.put("cong.engagement.reminders.enabled", "false");
        p.put("cong.engagement.anonymise.enabled", "false");
        p.put("cong.subscriptions.digest.enabled", "false");
        p.put("cong.reports.cadence.enabled", "false");
        p.putAll(extraProperties());
        return p;
    }

    /** Settings a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    void dropDatabase() {
        try (var c = DriverManager.getConnection("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres", pgUser(), pgPassword());
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + databaseName + "\" WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + databaseName + ": " + e.getMessage());
        }
    }

    /** JDBC access to this class's database, for tests that change rows behind the platform's back. */
    protected java.sql.Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + databaseName, pgUser(), pgPassword());
    }

    private static synchronized void startContainers() {
        if (DOCKER && postgres == null) {
            postgres = new PostgreSQLContainer<>("postgres:15-alpine").withDatabaseName("postgres");
            postgres.start();
            redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
        }
    }

    protected static String pgHost() {
        return DOCKER ? postgres.getHost() : "127.0.0.1";
    }

    protected static int pgPort() {
        return DOCKER ? postgres.getFirstMappedPort() : 5432;
    }

    protected static String pgUser() {
        return DOCKER ? postgres.getUsername() : "postgres";
    }

    protected static String pgPassword() {
        return DOCKER ? postgres.getPassword() : "";
    }

    protected static String redisUri() {
        return DOCKER ? "redis://" + redis.getHost() + ":" + redis.getFirstMappedPort() : "redis://127.0.0.1:6379";
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** A fresh temporary folder (media or backup roots of a test class), as a configuration value. */
    protected static String temporaryFolder(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
