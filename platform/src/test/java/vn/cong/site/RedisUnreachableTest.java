package vn.cong.site;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redis is down (nothing listens on the configured port): public pages are still served. */
@MicronautTest(transactional = false)
class RedisUnreachableTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    Publishing publishing;
    @Inject
    SharedPageStore shared;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", "redis://127.0.0.1:6391");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private HttpResponse<String> get(String path) {
        return new Browser(server.getPort(), "alpha.most.localhost").get(path);
    }

    @Test
    void pagesRenderFromPostgresqlWhileRedisIsDown() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> home = get("/");
            assertEquals(200, home.statusCode());
            assertEquals("Cục Alpha", Jsoup.parse(home.body()).selectFirst("h1").text());
            HttpResponse<String> article = get("/bai-viet/chuyen-doi-so-2026");
            assertEquals(200, article.statusCode());
            assertEquals("Cục Alpha ra mắt nền tảng số riêng", Jsoup.parse(article.body()).selectFirst("h1").text());
            assertEquals(404, get("/bai-viet/khong-co").statusCode());
        }
        assertTrue(shared.circuitOpen(), "after the first failure pages stop asking Redis");
        // the session store cannot answer now: a public page with a session cookie proves it never asks
        HttpResponse<String> withCookie = new Browser(server.getPort(), "alpha.most.localhost")
                .get("/bai-viet/chuyen-doi-so-2026", Map.of("Cookie", "CONG_SESSION=abc123"));
        assertEquals(200, withCookie.statusCode());
        assertTrue(withCookie.headers().allValues("Set-Cookie").isEmpty());
        HttpResponse<String> ministry = new Browser(server.getPort(), "www.most.localhost").get("/don-vi");
        assertEquals(200, ministry.statusCode());
    }

    @Test
    void publishingStillShowsAtOnceWithoutRedis() throws java.sql.SQLException {
        long section;
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'")) {
            rs.next();
            section = rs.getLong(1);
        }
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        get("/");
        SavedItem item = publishing.saveDraft(alpha, Draft.article(section, "vi", "tin-khi-redis-nghi",
                "Tin đăng khi Redis ngừng hoạt động", "", "<p>Vẫn hiện.</p>", null)).block();
        publishing.publish(alpha, item.id(), null).block();
        assertTrue(get("/").body().contains("Tin đăng khi Redis ngừng hoạt động"));
        assertEquals("Tin đăng khi Redis ngừng hoạt động", Jsoup.parse(get("/bai-viet/tin-khi-redis-nghi").body()).selectFirst("h1").text());
    }
}
