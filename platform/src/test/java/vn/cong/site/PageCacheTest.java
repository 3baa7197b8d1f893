package vn.cong.site;

import io.lettuce.core.RedisClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
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
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PageCacheTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";
    private static final String ARTICLE = "/bai-viet/chuyen-doi-so-2026";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    Publishing publishing;
    @Inject
    PageCache cache;
    @Inject
    SiteConfiguration site;

    private RedisClient redis;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        redis = RedisClient.create(redisUri());
    }

    @AfterAll
    void closeRedis() {
        redis.shutdown();
    }

    private String h1(String host, String path) {
        HttpResponse<String> response = new Browser(server.getPort(), host).get(path);
        assertEquals(200, response.statusCode(), host + path);
        return Jsoup.parse(response.body()).selectFirst("h1").text();
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private List<String> pageKeysInRedis() {
        try (var c = redis.connect()) {
            return c.sync().keys(redisPrefix + "page:*");
        }
    }

    @Test
    void cachedPageOfOneTenantIsNeverServedToAnother() {
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", h1(ALPHA, ARTICLE));
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", h1(ALPHA, ARTICLE), "second request is a cache hit");
        assertEquals("Viện Beta tổng kết chuyển đổi số", h1(BETA, ARTICLE));
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", h1(ALPHA, ARTICLE));
    }

    @Test
    void pageKeySeparatesTenantsVersionsLanguagesAndPaths() {
        Tenant alpha = tenant("alpha");
        Tenant beta = tenant("beta");
        PageKey key = PageKey.of(alpha, "vi", ARTICLE);
        assertEquals(key, PageKey.of(alpha, "vi", ARTICLE));
        assertNotEquals(key.value(), PageKey.of(beta, "vi", ARTICLE).value());
        assertNotEquals(key.value(), PageKey.of(alpha, "en", ARTICLE).value());
        assertNotEquals(key.value(), PageKey.of(alpha, "vi", "/bai-viet/khac").value());
        Tenant alphaNextVersion = new Tenant(alpha.code(), alpha.nameVi(), alpha.nameEn(), alpha.abbreviation(), alpha.parentCode(),
                alpha.schema(), alpha.theme(), alpha.status(), alpha.statusNotice(), alpha.migrationStatus(),
                alpha.contentVersion() + 1, alpha.aliases(), alpha.settings());
        assertNotEquals(key.value(), PageKey.of(alphaNextVersion, "vi", ARTICLE).value());
        assertTrue(key.value().startsWith("alpha|"));
    }

    @Test
    void renderedPagesAreSharedThroughRedis() throws SQLException {
        String path = "/chuyen-muc/tin-hoat-dong";
        PageKey key = PageKey.of(tenant("alpha"), "vi", path);
        assertTrue(h1(ALPHA, path).equals("Tin hoạt động"));
        assertTrue(cardTitles(ALPHA, path).contains("Cục Alpha ra mắt nền tảng số riêng"));
        assertTrue(pageKeysInRedis().contains(redisPrefix + "page:" + key.value()), pageKeysInRedis().toString());
        // a change behind the platform's back (no version bump) is not seen while the cached page lives…
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.content_items SET title = 'Tiêu đề đổi ngầm' WHERE slug = 'chuyen-doi-so-2026'");
        }
        try {
            cache.clearNear();
            assertTrue(cardTitles(ALPHA, path).contains("Cục Alpha ra mắt nền tảng số riêng"),
                    "this node's memory is empty: the page came from Redis");
            assertNotNull(cache.near(key), "and Redis's copy is kept near again");
            // …and once Redis forgets it too, the page is rendered from PostgreSQL
            try (var c = redis.connect()) {
                c.sync().del(redisPrefix + "page:" + key.value());
            }
            cache.clearNear();
            assertTrue(cardTitles(ALPHA, path).contains("Tiêu đề đổi ngầm"));
        } finally {
            try (var c = jdbc(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE t_alpha.content_items SET title = 'Cục Alpha ra mắt nền tảng số riêng' WHERE slug = 'chuyen-doi-so-2026'");
            }
            cache.clearNear();
            try (var c = redis.connect()) {
                c.sync().del(redisPrefix + "page:" + key.value());
            }
        }
    }

    @Test
    void aCopyFromRedisLivesOnlyWhatIsLeftOfThePagesTimeToLive() {
        long ttl = site.pageTtl().toMillis();
        byte[] html = "<p>Trang thử thời hạn</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CachedPage fresh = CachedPage.of(200, "vi", html);
        PageKey oldKey = PageKey.of(tenant("alpha"), "vi", "/thu-thoi-han/cu");
        PageKey halfKey = PageKey.of(tenant("alpha"), "vi", "/thu-thoi-han/nua");
        PageKey newKey = PageKey.of(tenant("alpha"), "vi", "/thu-thoi-han/moi");
        long now = System.currentTimeMillis();
        // as another node left them in Redis: rendered a whole time to live ago, half of one ago, just now
        try (var c = redis.connect(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)) {
            c.sync().psetex((redisPrefix + "page:" + oldKey.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8), 60_000, rendered(fresh, now - ttl - 1_000).encode());
            c.sync().psetex((redisPrefix + "page:" + halfKey.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8), 60_000, rendered(fresh, now - ttl / 2).encode());
            c.sync().psetex((redisPrefix + "page:" + newKey.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8), 60_000, fresh.encode());
        }
        try {
            cache.clearNear();
            assertNotNull(cache.get(oldKey).block(), "Redis still had it: served");
            assertTrue(cache.nearTimeToLive(oldKey).isEmpty(), "but not kept here: its time to live is over");
            assertNotNull(cache.get(halfKey).block());
            assertTrue(cache.nearTimeToLive(halfKey).orElseThrow().toMillis() <= ttl / 2,
                    "kept for what is left of it at most: " + cache.nearTimeToLive(halfKey));
            assertNotNull(cache.get(newKey).block());
            assertTrue(cache.nearTimeToLive(newKey).orElseThrow().toMillis() > ttl / 2,
                    "a page just rendered keeps (nearly) all of it: " + cache.nearTimeToLive(newKey));
        } finally {
            cache.clearNear();
            try (var c = redis.connect()) {
                c.sync().del(redisPrefix + "page:" + oldKey.value(), redisPrefix + "page:" + halfKey.value(), redisPrefix + "page:" + newKey.value());
            }
        }
    }

    private static CachedPage rendered(CachedPage page, long at) {
        return new CachedPage(page.status(), page.lang(), page.plain(), page.gzip(), page.etag(), page.contentSecurityPolicy(), at);
    }

    private List<String> cardTitles(String host, String path) {
        return Jsoup.parse(new Browser(server.getPort(), host).get(path).body()).select(".card-title").eachText();
    }

    @Test
    void publishedChangeAppearsAtOnceAndDraftsNever() {
        Tenant beta = tenant("beta");
        String home = new Browser(server.getPort(), BETA).get("/").body();
        assertFalse(home.contains("Viện Beta công bố báo cáo thường niên"));
        long sectionId = sectionId("beta", "tin-hoat-dong");

        SavedItem draft = publishing.saveDraft(beta, Draft.article(sectionId, "vi", "bao-cao-thuong-nien",
                "Viện Beta công bố báo cáo thường niên", "Tóm tắt báo cáo.", "<p>Báo cáo.</p>", null)).block();
        assertNotNull(draft);
        assertEquals(404, new Browser(server.getPort(), BETA).get("/bai-viet/bao-cao-thuong-nien").statusCode(), "a draft is not public");
        assertFalse(new Browser(server.getPort(), BETA).get("/chuyen-muc/tin-hoat-dong").body().contains("Viện Beta công bố báo cáo thường niên"));

        long versionBefore = tenant("beta").contentVersion();
        publishing.publish(beta, draft.id(), null).block();
        assertEquals(versionBefore + 1, tenant("beta").contentVersion());
        assertTrue(new Browser(server.getPort(), BETA).get("/").body().contains("Viện Beta công bố báo cáo thường niên"),
                "the cached home page of the old version is not served any more");
        assertEquals("Viện Beta công bố báo cáo thường niên", h1(BETA, "/bai-viet/bao-cao-thuong-nien"));
        assertFalse(new Browser(server.getPort(), ALPHA).get("/").body().contains("Viện Beta công bố báo cáo thường niên"));

        // editing the published item is public at once as well
        SavedItem published = publishing.publish(beta, draft.id(), null).block();
        publishing.saveDraft(beta, Draft.article(sectionId, "vi", "bao-cao-thuong-nien",
                "Viện Beta công bố báo cáo thường niên 2026", "Tóm tắt báo cáo.", "<p>Báo cáo.</p>", null)
                .editing(draft.id(), published.version())).block();
        assertEquals("Viện Beta công bố báo cáo thường niên 2026", h1(BETA, "/bai-viet/bao-cao-thuong-nien"));
    }

    @Test
    void itemScheduledForLaterIsNotPublicYet() throws SQLException {
        Tenant alpha = tenant("alpha");
        long sectionId = sectionId("alpha", "tin-hoat-dong");
        SavedItem draft = publishing.saveDraft(alpha, Draft.article(sectionId, "vi", "tin-hen-gio",
                "Tin hẹn giờ đăng của Cục Alpha", "", "<p>Sau.</p>", null)).block();
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.content_items SET published_at = now() + interval '1 day' WHERE id = " + draft.id());
        }
        publishing.publish(alpha, draft.id(), null).block();
        assertEquals(404, new Browser(server.getPort(), ALPHA).get("/bai-viet/tin-hen-gio").statusCode());
        assertFalse(new Browser(server.getPort(), ALPHA).get("/").body().contains("Tin hẹn giờ đăng của Cục Alpha"));
    }

    @Test
    void onboardingAMemberShowsItOnTheMinistryDirectoryAtOnce() {
        Browser ministry = new Browser(server.getPort(), "www.most.localhost");
        assertFalse(ministry.get("/don-vi").body().contains("Sở Gamma"));
        assertFalse(ministry.get("/don-vi").body().contains("Sở Gamma"), "now served from the cache");
        TestTenants.onboard(onboarding, "gamma");
        assertTrue(ministry.get("/don-vi").body().contains("Sở Gamma"));
        assertEquals("Sở Gamma", h1("gamma.most.localhost", "/"));
    }

    private long sectionId(String code, String slug) {
        try (var c = jdbc(); var s = c.prepareStatement("SELECT id FROM t_" + code + ".sections WHERE slug = ?")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
