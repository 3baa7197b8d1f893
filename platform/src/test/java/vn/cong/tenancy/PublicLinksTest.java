package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * Absolute links come from the tenant's registered host, the public scheme and the port the server
 * really listens on (random here, no {@code cong.public-port}), whatever Host header the request had;
 * a Host header that is not a host resolves to no tenant.
 */
@MicronautTest(transactional = false)
class PublicLinksTest extends PlatformTestSupport {

    private static final List<String> HOSTILE_HOSTS = List.of("alpha.most.localhost:8082@evil.example",
            "evil.example@alpha.most.localhost", "alpha.most.localhost/evil.example", "alpha.most.localhost:99999",
            "alpha.most.localhost:0", "evil.example", "203.0.113.9", "127.0.0.1");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private String realOrigin(String host) {
        return "http://" + host + ":" + server.getPort();
    }

    @Test
    void hostHeadersThatAreNoHostReachNoTenant() {
        for (String host : HOSTILE_HOSTS) {
            for (String path : List.of("/", "/quan-tri/dang-nhap", "/bai-viet/chuyen-doi-so-2026")) {
                HttpResponse<String> response = new Browser(server.getPort(), host).get(path);
                assertEquals(404, response.statusCode(), host + path);
                assertFalse(response.body().contains("Alpha"), host + path);
            }
        }
    }

    @Test
    void setPasswordLinkCarriesTheRegisteredHostAndTheRealPort() {
        // the browser addressed the portal with another port: the link still names the real one
        Browser admin = new Browser(server.getPort(), "alpha.most.localhost:8082");
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        Map<String, String> form = new LinkedHashMap<>(Map.of("username", "qua-lien-ket", "fullName", "Lê Văn Liên Kết",
                "email", "lienket@alpha.example.vn", "roles", "contributor", "passwordMode", "link", "password", "",
                "csrfToken", token));
        HttpResponse<String> created = admin.postForm("/quan-tri/tai-khoan", form,
                Map.of("Origin", "http://alpha.most.localhost:8082"));
        assertEquals(201, created.statusCode(), created.body());
        String link = Jsoup.parse(created.body()).selectFirst("#lien-ket").attr("value");
        assertTrue(link.startsWith(realOrigin("alpha.most.localhost") + "/quan-tri/dat-mat-khau?token="), link);
    }

    @Test
    void linksBetweenPortalsCarryTheRealPortWhateverTheHostHeader() {
        for (String host : List.of("www.most.localhost", "www.most.localhost:8082", "most.localhost:80")) {
            Document directory = Jsoup.parse(new Browser(server.getPort(), host).get("/don-vi").body());
            String alpha = directory.select(".directory-list a").stream().filter(a -> a.text().equals("Cục Alpha"))
                    .findFirst().orElseThrow().attr("href");
            assertEquals(realOrigin("alpha.most.localhost") + "/", alpha, host);
        }
        for (String host : List.of("alpha.most.localhost", "www.alpha-cuc.vn:8082")) {
            Document member = Jsoup.parse(new Browser(server.getPort(), host).get("/").body());
            assertEquals(realOrigin("www.most.localhost") + "/", member.selectFirst(".site-footer a").attr("href"), host);
        }
    }

    @Test
    void onboardingSetPasswordLinkCarriesTheRealPort() {
        var manifest = ManifestReader.parse("""
                code: lienket
                name: {vi: Cục Liên Kết, en: Link Department}
                abbreviation: lienket
                parent: bo
                theme: default
                admin: {username: quantri, email: quantri@lienket.example.vn}
                """);
        assertTrue(manifest.isValid(), manifest.errors().toString());
        var report = onboarding.onboard(manifest.value()).block();
        assertNotNull(report);
        assertNotNull(report.setPasswordLink(), report.toString());
        assertTrue(report.setPasswordLink().startsWith(realOrigin("lienket.most.localhost") + "/quan-tri/dat-mat-khau?token="),
                report.setPasswordLink());
    }
}
