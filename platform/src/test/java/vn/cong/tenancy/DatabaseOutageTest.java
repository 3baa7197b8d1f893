package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL refuses every connection (issue 16 item 2): every tenant's uncached pages and staff
 * writes answer the same clear 503 with Retry-After, in Vietnamese and in English under /en, never a
 * 500; cached pages are still served; everything works again once the database is back.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private HttpResponse<String> get(String host, String path) {
        return new Browser(server.getPort(), host).get(path);
    }

    @Test
    void uncachedPagesAndStaffWritesAnswerAClear503DuringAnOutageAndWorkAfterIt() throws SQLException {
        assertEquals(200, get(ALPHA, "/").statusCode());
        Browser staff = new Browser(server.getPort(), ALPHA);
        StaffForms.logInOk(staff, "quantri", "MatKhauAlpha2026!");
        String token = StaffForms.csrfToken(staff.get("/quan-tri/bai-viet/moi"));

        refuseConnections(true);
        try {
            for (String[] hostAndPage : new String[][]{{ALPHA, "/chuyen-muc/tin-hoat-dong"}, {"www.most.localhost", "/chuyen-muc/tin-tuc"}}) {
                String host = hostAndPage[0];
                HttpResponse<String> page = get(host, hostAndPage[1]);
                assertEquals(503, page.statusCode(), host + ": " + page.body());
                assertTrue(page.headers().firstValue("Retry-After").isPresent());
                assertTrue(page.body().contains(UnavailableNotice.VI), page.body());
            }
            HttpResponse<String> english = get(ALPHA, "/en");
            assertEquals(503, english.statusCode(), english.body());
            assertTrue(english.body().contains(UnavailableNotice.EN), english.body());

            HttpResponse<String> write = staff.postForm("/quan-tri/bai-viet", Map.of("csrfToken", token, "title", "Bài viết mới",
                    "body", "<p>Nội dung</p>", "language", "vi"));
            assertEquals(503, write.statusCode(), write.body());
            assertTrue(write.headers().firstValue("Retry-After").isPresent());
            assertTrue(write.body().contains(UnavailableNotice.VI), write.body());

            assertEquals(200, get(ALPHA, "/").statusCode(), "a cached page is still served");
        } finally {
            refuseConnections(false);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(ALPHA, "/chuyen-muc/tin-hoat-dong").statusCode() == 200);
        assertEquals(200, get("www.most.localhost", "/chuyen-muc/tin-tuc").statusCode());
    }

    /** Closes (or opens) this class's database to every new connection and cuts the pool's current ones. */
    private void refuseConnections(boolean refuse) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + databaseName + "\" ALLOW_CONNECTIONS " + !refuse);
            if (!refuse) {
                return;
            }
            List<Integer> pids = new java.util.ArrayList<>();
            try (var r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + databaseName + "'")) {
                while (r.next()) {
                    pids.add(r.getInt(1));
                }
            }
            if (pids.isEmpty()) {
                return;
            }
            String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN (" + list + ")");
            Awaitility.await("terminated backends gone").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        try (var r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + list + ")")) {
                            r.next();
                            return r.getInt(1) == 0;
                        }
                    });
        }
    }
}
