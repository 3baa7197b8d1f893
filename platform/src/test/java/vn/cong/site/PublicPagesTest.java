package vn.cong.site;

import io.lettuce.core.RedisClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PublicPagesTest extends PlatformTestSupport {

    static final String MINISTRY = "www.most.localhost";
    static final String ALPHA = "alpha.most.localhost";
    static final String BETA = "beta.most.localhost";
    static final String GAMMA = "gamma.most.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.public-port", "80"); // links as published behind a proxy on port 80
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        TestTenants.onboard(onboarding, "gamma");
    }

    private Browser at(String host) {
        return new Browser(server.getPort(), host);
    }

    private HttpResponse<String> get(String host, String path) {
        return at(host).get(path);
    }

    private Document page(String host, String path) {
        HttpResponse<String> response = get(host, path);
        assertEquals(200, response.statusCode(), host + path + " → " + response.body());
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Normalizer.isNormalized(response.body(), Normalizer.Form.NFC), "page text is NFC");
        return Jsoup.parse(response.body());
    }

    private static List<String> texts(Document doc, String css) {
        return doc.select(css).eachText();
    }

    @Test
    void pagesAnswerClientsThatAcceptOnlyHtml() {
        // e.g. curl -H 'Accept: text/html', load generators, some crawlers: no 406
        for (String path : List.of("/", "/chuyen-muc/tin-hoat-dong", "/bai-viet/chuyen-doi-so-2026", "/en")) {
            var response = at("alpha.most.localhost").get(path, java.util.Map.of("Accept", "text/html"));
            assertEquals(200, response.statusCode(), path);
        }
    }

    @Test
    void ministryHomeShowsFeaturedNewsSectionBlocksAndMemberPortals() {
        Document doc = page(MINISTRY, "/");
        assertEquals("vi", doc.selectFirst("html").attr("lang"));
        assertEquals("Bộ Thử nghiệm", doc.selectFirst("h1").text());
        assertEquals("Bộ Thử nghiệm", doc.title());
        assertTrue(texts(doc, ".featured .card-title").contains("Bộ Thử nghiệm đẩy mạnh chuyển đổi số năm 2026"));
        // the article sits in a subsection: it still counts for its top-level block
        assertEquals(List.of("Tin tức"), texts(doc, ".block-title a"));
        assertEquals(List.of("Trang chủ", "Tin tức", "Tin nổi bật", "Thông báo"), texts(doc, "nav.main-nav a"));
        List<String> members = texts(doc, ".member-list a");
        assertTrue(members.containsAll(List.of("Cục Alpha", "Viện Beta", "Sở Gamma", "Viện Độc lập")), members.toString());
        assertEquals("/don-vi", doc.selectFirst(".members .more a").attr("href"));
        assertEquals("/en", doc.selectFirst("a.lang-switch").attr("href"));
    }

    @Test
    void memberHomeNamesItsParentAndHasNoMemberList() {
        Document doc = page(ALPHA, "/");
        assertEquals("Cục Alpha", doc.selectFirst("h1").text());
        assertEquals("Bộ Thử nghiệm", doc.selectFirst(".brand-kicker").text());
        Element parent = doc.selectFirst(".site-footer a");
        assertEquals("Bộ Thử nghiệm", parent.text());
        assertEquals("http://www.most.localhost/", parent.attr("href"));
        assertTrue(doc.select(".members").isEmpty());
        assertEquals(404, get(ALPHA, "/don-vi").statusCode(), "only the ministry has a directory");
    }

    @Test
    void sectionListsTenNewestArticlesIncludingSubsectionsAndPaginates() {
        Document first = page(GAMMA, "/chuyen-muc/tin-tuc");
        assertEquals("Tin tức", first.selectFirst("h1").text());
        assertEquals("Tin tức | Sở Gamma", first.title());
        List<String> titles = texts(first, ".article-list .card-title");
        assertEquals(10, titles.size());
        assertEquals("Hội nghị tổng kết công tác năm 2026 của Sở Gamma", titles.get(0));
        assertTrue(titles.contains("Gamma ký kết hợp tác với Trường Đại học Bách khoa"), "an article of the subsection is listed");
        assertEquals(List.of("Tin địa phương"), texts(first, "nav.subsections a"));
        assertEquals("/chuyen-muc/tin-tuc?trang=2", first.selectFirst("a[rel=next]").attr("href"));
        assertEquals("true", first.selectFirst("nav.main-nav a[href=/chuyen-muc/tin-tuc]").attr("aria-current"));
        assertEquals("20/11/2026 08:00", first.selectFirst(".article-list time").text());
        assertEquals("2026-11-20T08:00:00+07:00", first.selectFirst(".article-list time").attr("datetime"));

        Document second = page(GAMMA, "/chuyen-muc/tin-tuc?trang=2");
        List<String> rest = texts(second, ".article-list .card-title");
        assertEquals(3, rest.size());
        assertEquals("Bài viết cũ nhất của chuyên mục tin tức", rest.get(2));
        assertEquals("/chuyen-muc/tin-tuc", second.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(second.select("a[rel=next]").isEmpty());
        assertTrue(second.title().startsWith("Tin tức – Trang 2"));

        assertEquals(404, get(GAMMA, "/chuyen-muc/tin-tuc?trang=3").statusCode());
        assertEquals(404, get(GAMMA, "/chuyen-muc/tin-tuc?trang=abc").statusCode());
        assertEquals(404, get(GAMMA, "/chuyen-muc/tin-tuc?trang=0").statusCode());
    }

    @Test
    void subsectionPageListsOnlyItsOwnArticles() {
        Document doc = page(GAMMA, "/chuyen-muc/tin-dia-phuong");
        assertEquals("Tin địa phương", doc.selectFirst("h1").text());
        assertEquals(4, doc.select(".article-list .card-title").size());
        assertTrue(doc.select("nav.pagination").isEmpty());
        assertEquals("true", doc.selectFirst("nav.main-nav a[href=/chuyen-muc/tin-tuc]").attr("aria-current"),
                "the parent menu entry is marked as the current path");
    }

    @Test
    void articlePageShowsSanitisedBodySourceAndDate() {
        Document doc = page(GAMMA, "/bai-viet/gioi-thieu-chung");
        assertEquals("Giới thiệu chung về Sở Gamma", doc.selectFirst("h1").text());
        assertEquals("Giới thiệu chung về Sở Gamma | Sở Gamma", doc.title());
        assertEquals("Sở Gamma là cơ quan chuyên môn.", doc.selectFirst(".prose").text());
        assertTrue(doc.select(".prose script").isEmpty(), "scripts were removed when the article was stored");
        assertEquals("Nguồn: Văn phòng Sở Gamma", doc.selectFirst(".article-source").text());
        assertEquals("01/10/2026 09:15", doc.selectFirst(".article-header time").text());
        assertEquals("Giới thiệu", doc.select(".breadcrumb a").get(1).text());
    }

    @Test
    void articleLinksRelatedNewsOfItsSection() {
        Document doc = page(GAMMA, "/bai-viet/tin-so-01");
        assertEquals("Hội nghị tổng kết công tác năm 2026 của Sở Gamma", doc.selectFirst("h1").text());
        List<String> related = texts(doc, ".related a");
        assertEquals(5, related.size());
        assertFalse(related.contains("Hội nghị tổng kết công tác năm 2026 của Sở Gamma"));
        assertFalse(related.contains("Gamma ký kết hợp tác với Trường Đại học Bách khoa"),
                "related news are from the article's own section only");
    }

    @Test
    void sameSlugShowsEachTenantsOwnArticle() {
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", page(ALPHA, "/bai-viet/chuyen-doi-so-2026").selectFirst("h1").text());
        assertEquals("Viện Beta tổng kết chuyển đổi số", page(BETA, "/bai-viet/chuyen-doi-so-2026").selectFirst("h1").text());
        assertEquals("Bộ Thử nghiệm đẩy mạnh chuyển đổi số năm 2026", page(MINISTRY, "/bai-viet/chuyen-doi-so-2026").selectFirst("h1").text());
        assertEquals("Nội dung chỉ của Beta.", page(BETA, "/bai-viet/chuyen-doi-so-2026").selectFirst(".prose").text());
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", page("www.alpha-cuc.vn", "/bai-viet/chuyen-doi-so-2026").selectFirst("h1").text());
    }

    @Test
    void directoryListsHostedMembersAtThePublicPortAndIndependentSites() {
        HttpResponse<String> response = get(MINISTRY + ":8080", "/don-vi");
        assertEquals(200, response.statusCode());
        Document doc = Jsoup.parse(response.body());
        assertEquals("Cổng thành viên", doc.selectFirst("h1").text());
        Element alpha = doc.select(".directory-list a").stream().filter(a -> a.text().equals("Cục Alpha")).findFirst().orElseThrow();
        assertEquals("http://alpha.most.localhost/", alpha.attr("href"), "the public port, not the Host header's");
        List<String> hosted = doc.select(".directory-group").get(0).select("a").eachText();
        assertEquals(List.of("Cục Alpha", "Sở Gamma", "Viện Beta"), hosted, "Vietnamese alphabetical order");
        Element independent = doc.select(".directory-group").get(1).selectFirst("a");
        assertEquals("Viện Độc lập", independent.text());
        assertEquals("https://vien-doc-lap.example.vn", independent.attr("href"));

        Document noPort = page(MINISTRY, "/don-vi");
        assertEquals("http://alpha.most.localhost/", noPort.select(".directory-list a").first().attr("href"));
    }

    @Test
    void englishPagesShowEnglishUiSectionNamesAndEnglishContentOnly() {
        HttpResponse<String> response = get(GAMMA, "/en");
        assertEquals(200, response.statusCode());
        assertEquals("en", response.headers().firstValue("Content-Language").orElse(""));
        Document home = Jsoup.parse(response.body());
        assertEquals("en", home.selectFirst("html").attr("lang"));
        assertEquals("Gamma Department", home.selectFirst("h1").text());
        assertEquals(List.of("Home", "News", "Local news", "About us"), texts(home, "nav.main-nav a"));
        assertEquals("Skip to main content", home.selectFirst("a.skip-link").text());
        assertEquals("Tiếng Việt", home.selectFirst("a.lang-switch").text());
        assertEquals("/", home.selectFirst("a.lang-switch").attr("href"));
        assertEquals(List.of("Gamma Department steps up digital transformation"), texts(home, ".block .card-title"));

        Document section = page(GAMMA, "/en/chuyen-muc/tin-tuc");
        assertEquals("News", section.selectFirst("h1").text());
        assertEquals(List.of("Gamma Department steps up digital transformation"), texts(section, ".article-list .card-title"));
        assertEquals("/chuyen-muc/tin-tuc", section.selectFirst("a.lang-switch").attr("href"));

        Document article = page(GAMMA, "/en/bai-viet/digital-transformation-2026");
        assertEquals("Gamma Department steps up digital transformation", article.selectFirst("h1").text());
        assertEquals("Published", article.selectFirst(".article-header .meta span span").text());

        HttpResponse<String> vietnameseOnly = get(GAMMA, "/en/bai-viet/tin-so-01");
        assertEquals(404, vietnameseOnly.statusCode());
        assertEquals("Page not found", Jsoup.parse(vietnameseOnly.body()).selectFirst("h1").text());
        assertEquals(404, get(GAMMA, "/bai-viet/digital-transformation-2026").statusCode(), "English items stay off the Vietnamese site");
    }

    @Test
    void unknownSlugGetsThemedNotFoundPageInVietnamese() {
        for (String path : List.of("/bai-viet/khong-ton-tai", "/chuyen-muc/khong-ton-tai", "/khong-co-trang-nay", "/bai-viet/CHU-HOA")) {
            HttpResponse<String> response = get(GAMMA, path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse(""), path);
            Document doc = Jsoup.parse(response.body());
            assertEquals("Không tìm thấy trang", doc.selectFirst("h1").text(), path);
            assertEquals("Trang bạn tìm không tồn tại hoặc địa chỉ không đúng.", doc.selectFirst(".error-box p:not(.error-code)").text());
            assertEquals("Sở Gamma", doc.selectFirst(".brand-name").text(), "the page carries the portal's own header");
            assertEquals("Về trang chủ", doc.selectFirst(".error-box a").text());
        }
    }

    @Test
    void gzipResponseIsCompressedOnceAndDecompressesToThePlainPage() throws IOException {
        Browser browser = at(GAMMA);
        HttpResponse<byte[]> plain = browser.getBytes("/chuyen-muc/tin-tuc", Map.of());
        HttpResponse<byte[]> gzip = browser.getBytes("/chuyen-muc/tin-tuc", Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertEquals(200, gzip.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(List.of("gzip"), gzip.headers().allValues("Content-Encoding"));
        assertEquals("Accept-Encoding", gzip.headers().firstValue("Vary").orElse(""));
        assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElse(""));
        byte[] unzipped;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), unzipped);
        assertTrue(new String(unzipped, StandardCharsets.UTF_8).contains("Hội nghị tổng kết công tác năm 2026 của Sở Gamma"));
        assertTrue(gzip.body().length < plain.body().length / 3);
    }

    @Test
    void publicPagesSetNoCookieAndOpenNoSessionEvenWhenTheClientSendsACookie() {
        int sessionKeysBefore = sessionKeysInRedis();
        Browser browser = at(GAMMA);
        for (String path : List.of("/", "/chuyen-muc/tin-tuc", "/bai-viet/tin-so-01", "/en", "/bai-viet/khong-co")) {
            HttpResponse<String> response = browser.get(path, Map.of("Cookie", "CONG_SESSION=abc123"));
            assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), path);
        }
        assertTrue(browser.cookies().isEmpty());
        assertEquals(sessionKeysBefore, sessionKeysInRedis(), "no session was read or written");
    }

    private int sessionKeysInRedis() {
        RedisClient client = RedisClient.create(redisUri());
        try (var c = client.connect()) {
            return c.sync().keys(redisPrefix + "sessions:*").size();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void publicPagesCarryCachingAndSecurityHeaders() throws Exception {
        HttpResponse<String> response = get(GAMMA, "/");
        var headers = response.headers();
        assertEquals("public, max-age=60", headers.firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("strict-origin-when-cross-origin", headers.firstValue("Referrer-Policy").orElse(""));
        assertEquals("vi", headers.firstValue("Content-Language").orElse(""));
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("img-src 'self' https:"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        // the theme's inline colour block is allowed by its hash, nothing else inline is
        String style = Jsoup.parse(response.body()).selectFirst("head style").data();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.contains("style-src 'self' 'sha256-" + hash + "'"), csp);
        assertTrue(style.contains("--primaryColor: #8b1a1a;"), style);
    }

    @Test
    void unchangedPageAnswersNotModifiedToItsEntityTag() {
        Browser browser = at(GAMMA);
        HttpResponse<String> first = browser.get("/bai-viet/tin-so-02");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = browser.get("/bai-viet/tin-so-02", Map.of("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        assertEquals(200, browser.get("/bai-viet/tin-so-02", Map.of("If-None-Match", "\"something-else\"")).statusCode());
    }

    @Test
    void themeStylesheetIsFingerprintedAndCachedForAYear() {
        Document doc = page(GAMMA, "/");
        String href = doc.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(href.matches("/static/default/[0-9a-f]{12}/css/site\\.css"), href);
        HttpResponse<byte[]> css = at(GAMMA).getBytes(href, Map.of());
        assertEquals(200, css.statusCode());
        assertEquals("text/css;charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
        assertEquals("public, max-age=31536000, immutable", css.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<byte[]> gz = at(GAMMA).getBytes(href, Map.of("Accept-Encoding", "gzip"));
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(gz.body().length < css.body().length);

        String emblem = doc.selectFirst("img.brand-emblem").attr("src");
        assertEquals(200, at(GAMMA).getBytes(emblem, Map.of()).statusCode());
        HttpResponse<byte[]> outdated = at(GAMMA).getBytes("/static/default/000000000000/css/site.css", Map.of());
        assertEquals(200, outdated.statusCode());
        assertEquals("public, max-age=300", outdated.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(404, at(GAMMA).getBytes("/static/default/x/css/none.css", Map.of()).statusCode());
        assertEquals(404, at(GAMMA).getBytes("/static/khong-co/x/css/site.css", Map.of()).statusCode());
        assertEquals(404, at(GAMMA).getBytes("/static/default/x/../theme.yaml", Map.of()).statusCode());
    }
}
