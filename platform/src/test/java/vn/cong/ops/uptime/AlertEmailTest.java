package vn.cong.ops.uptime;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import vn.cong.ops.backup.BackupRun;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.ops.integrity.IntegrityRun;
import vn.cong.ops.backup.TenantBackups;
import vn.cong.tenancy.TenantRegistry;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts (incidents, failed backups) reach the operator on duty by e-mail (GreenMail as the SMTP server, on a loopback port). */
@MicronautTest(transactional = false)
class AlertEmailTest extends PlatformTestSupport {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final AtomicBoolean siteDown = new AtomicBoolean(true);
    private final java.util.List<String> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private HttpServer sites;

    @Inject
    Onboarding onboarding;
    @Inject
    UptimeMonitor monitor;
    @Inject
    TenantBackups backups;
    @Inject
    IntegrityCheck integrity;
    @Inject
    TenantRegistry registry;

    @Override
    protected Map<String, String> extraProperties() {
        smtp.start();
        sites = startSites();
        String selfUrl = "http://127.0.0.1:" + sites.getAddress().getPort();
        Map<String, String> p = new java.util.HashMap<>();
        p.put("cong.uptime.self-url", selfUrl);
        p.put("cong.uptime.failures-to-open", "1");
        p.put("cong.uptime.probe-linked-sites", "true"); // rewritten to the loopback server below
        p.put("cong.mail.host", "127.0.0.1");
        p.put("cong.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        p.put("cong.mail.security", "none");
        p.put("cong.mail.from", "Cổng vận hành <canh-bao@most.localhost>");
        p.put("cong.alerts.email-to", "truc-ban@most.localhost");
        p.put("cong.alerts.webhook-url", selfUrl + "/hook");
        p.put("cong.backup.pg-dump", "/nonexistent/pg_dump"); // every backup fails here, for the backup alert
        p.put("cong.backup.format", "pg-dump");
        p.put("cong.backup.root", backupRoot().toString());
        return p;
    }

    /**
     * One loopback server plays both: the platform's own address for portal probes (which carry a
     * tenant's Host header, and always succeed here) and the linked site (down while {@code siteDown}).
     */
    private HttpServer startSites() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                hooks.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                boolean portal = !exchange.getRequestHeaders().getFirst("Host").startsWith("127.0.0.1");
                exchange.sendResponseHeaders(portal || !siteDown.get() ? 200 : 503, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void setUp() throws SQLException {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM platform.linked_sites WHERE id NOT IN (SELECT min(id) FROM platform.linked_sites)");
            s.executeUpdate("UPDATE platform.linked_sites SET url = 'http://127.0.0.1:" + sites.getAddress().getPort() + "/site'");
        }
    }

    private static java.nio.file.Path backupRoot() {
        try {
            return java.nio.file.Files.createTempDirectory("cong-alert-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        smtp.stop();
        sites.stop(0);
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aFailedBackupSendsAnEmail() throws Exception {
        BackupRun run = backups.backup(registry.findByCode("bo").orElseThrow(), "manual").block();
        assertEquals("failed", run.status());
        assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1), "the backup alert arrives");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("[Cổng] Sao lưu #" + run.id() + " của cổng bo thất bại", mail.getSubject());
    }

    @Test
    void integrityFindingsSendAnEmail() throws Exception {
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.content_items SET title = 'Sửa ngoài quy trình' WHERE slug = 'chuyen-doi-so-2026'");
        }
        IntegrityRun run = integrity.run(IntegrityCheck.Trigger.OPERATOR, "alpha", "test").block();
        assertEquals("findings", run.status());
        assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1), "the integrity alert arrives");
        assertEquals("[Cổng] Kiểm tra toàn vẹn #" + run.id() + ": " + run.findingsCount() + " vấn đề ở alpha",
                smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    void anOpenedIncidentSendsOneEmailAndItsRecoveryAnother() throws Exception {
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        monitor.runRound(t).block();
        assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1), "the incident e-mail arrives");
        MimeMessage opened = smtp.getReceivedMessages()[0];
        assertEquals("truc-ban@most.localhost", opened.getAllRecipients()[0].toString());
        assertTrue(opened.getFrom()[0].toString().contains("canh-bao@most.localhost"));
        assertTrue(opened.getSubject().startsWith("[Cổng] Sự cố #") && opened.getSubject().contains("không truy cập được"),
                opened.getSubject());
        String body = GreenMailUtil.getBody(opened);
        String text = new String(jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "quoted-printable").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("/site") && text.contains("HTTP 503"), text);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(100))
                .untilAsserted(() -> assertTrue(hooks.stream().anyMatch(h -> h.contains("\"incident.opened\"") && h.contains("/site")),
                        "the webhook got it too: " + hooks));

        monitor.runRound(t.plusSeconds(60)).block();
        assertEquals(1, smtp.getReceivedMessages().length, "a still-open incident sends nothing more");

        siteDown.set(false);
        monitor.runRound(t.plusSeconds(120)).block();
        assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 2), "the recovery e-mail arrives");
        assertTrue(smtp.getReceivedMessages()[1].getSubject().contains("Đã khắc phục sự cố"), smtp.getReceivedMessages()[1].getSubject());
        assertEquals(2, smtp.getReceivedMessages().length);
    }
}
