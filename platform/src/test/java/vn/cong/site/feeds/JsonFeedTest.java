package vn.cong.site.feeds;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * JSON Feed 1.1 (issue 11, point 3) checked against the specification's rules (https://www.jsonfeed.org/version/1.1/),
 * written out below as a schema: required fields and their types, RFC 3339 dates, content present, only known
 * keys or underscore extensions; paging with {@code next_url}; 304 to conditional GETs; only the tenant's
 * published items, each with its canonical link on the tenant's primary host and "Nguồn: <portal>".
 */
@MicronautTest(transactional = false)
class JsonFeedTest extends PlatformTestSupport {

    private static final Set<String> TOP_LEVEL = Set.of("version", "title", "home_page_url", "feed_url", "description", "user_comment",
            "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items");
    private static final Set<String> ITEM = Set.of("id", "url", "external_url", "title", "content_html", "content_text", "summary",
            "image", "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments");
    private static final Set<String> AUTHOR = Set.of("name", "url", "avatar");

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    JsonMapper json;

    private TwoPortals portals;
    private long section;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        section = tenantDb.mono(alpha, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
        for (int i = 1; i <= 23; i++) {
            publish(alpha, "tin-json-" + i, "Tin số " + i + " về chuyển đổi số");
        }
        publishing.saveDraft(alpha, Draft.article(section, "vi", "nhap-json", "Bản nháp chưa đăng", "", "<p>x</p>",
                portals.editorId(alpha))).block();
        long gone = publish(alpha, "tin-da-go", "Tin đã gỡ bỏ");
        tenantDb.mono(alpha, c -> c.update("UPDATE content_items SET state = 'taken_down', updated_at = now() WHERE id = $1", gone)).block();
    }

    private long publish(Tenant tenant, String slug, String title) {
        long id = publishing.saveDraft(tenant, Draft.article(section, "vi", slug, title, "Tóm tắt " + title + ".", "<p>Nội dung " + title + "</p>",
                portals.editorId(tenant))).block().id();
        publishing.publish(tenant, id, portals.editorId(tenant)).block();
        return id;
    }

    private Map<String, Object> feed(String host, String path) throws IOException {
        HttpResponse<String> response = portals.browser(host).get(path);
        assertEquals(200, response.statusCode(), path + "\n" + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/feed+json"), response.headers().toString());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "a feed opens no session");
        Map<String, Object> feed = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        validate(feed);
        return feed;
    }

    /** The JSON Feed 1.1 schema, as the specification states it. */
    @SuppressWarnings("unchecked")
    private static void validate(Map<String, Object> feed) {
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version"), "version is required and names 1.1");
        assertInstanceOf(String.class, feed.get("title"), "title is a required string");
        for (String url : List.of("home_page_url", "feed_url", "next_url")) {
            if (feed.containsKey(url)) {
                URI uri = URI.create((String) feed.get(url));
                assertTrue(uri.isAbsolute(), url + " is an absolute URL");
            }
        }
        unknownKeys(feed.keySet(), TOP_LEVEL, "feed");
        if (feed.containsKey("authors")) {
            authors((List<Object>) feed.get("authors"));
        }
        assertInstanceOf(List.class, feed.get("items"), "items is a required array");
        Set<String> ids = new HashSet<>();
        for (Object o : (List<Object>) feed.get("items")) {
            Map<String, Object> item = (Map<String, Object>) o;
            assertInstanceOf(String.class, item.get("id"), "item id is a required string");
            assertTrue(ids.add((String) item.get("id")), "item ids are unique in a feed");
            assertTrue(item.get("content_html") instanceof String || item.get("content_text") instanceof String,
                    "content_html or content_text must be present");
            for (String date : List.of("date_published", "date_modified")) {
                if (item.containsKey(date)) {
                    OffsetDateTime.parse((String) item.get(date), DateTimeFormatter.ISO_OFFSET_DATE_TIME); // RFC 3339, with an offset
                }
            }
            for (String s : List.of("url", "title", "summary", "language")) {
                if (item.containsKey(s)) {
                    assertInstanceOf(String.class, item.get(s), s + " is a string");
                }
            }
            if (item.containsKey("tags")) {
                ((List<Object>) item.get("tags")).forEach(t -> assertInstanceOf(String.class, t, "tags are strings"));
            }
            if (item.containsKey("authors")) {
                authors((List<Object>) item.get("authors"));
            }
            unknownKeys(item.keySet(), ITEM, "item");
        }
    }

    @SuppressWarnings("unchecked")
    private static void authors(List<Object> authors) {
        for (Object a : authors) {
            Map<String, Object> author = (Map<String, Object>) a;
            assertFalse(author.isEmpty(), "an author has at least one of name, url, avatar");
            unknownKeys(author.keySet(), AUTHOR, "author");
        }
    }

    private static void unknownKeys(Set<String> keys, Set<String> known, String where) {
        for (String key : keys) {
            if (!known.contains(key) && !key.startsWith("_")) {
                fail(where + " has key '" + key + "', neither in JSON Feed 1.1 nor an extension starting with '_'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> feed) {
        return (List<Map<String, Object>>) (List<?>) feed.get("items");
    }

    @Test
    void portalAndSectionFeedsFollowTheJsonFeed11Schema() throws IOException {
        for (String path : List.of("/feed.json", "/en/feed.json", "/chuyen-muc/tin-hoat-dong/feed.json", "/en/chuyen-muc/tin-hoat-dong/feed.json")) {
            Map<String, Object> feed = feed(TwoPortals.ALPHA_HOST, path);
            assertTrue(((String) feed.get("title")).startsWith("Cục Alpha") || ((String) feed.get("title")).contains("Alpha"), path);
        }
    }

    @Test
    void everyItemHasItsCanonicalLinkOnThePrimaryHostAndNamesThePortal() throws IOException {
        Map<String, Object> feed = feed(TwoPortals.ALPHA_HOST, "/feed.json");
        assertFalse(items(feed).isEmpty());
        for (Map<String, Object> item : items(feed)) {
            URI url = URI.create((String) item.get("url"));
            assertEquals(TwoPortals.ALPHA_HOST, url.getHost());
            assertEquals(item.get("url"), item.get("id"), "the id is the canonical link");
            assertTrue(((String) item.get("content_html")).contains("Nguồn: Cục Alpha"), (String) item.get("content_html"));
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) item.get("_source");
            assertEquals("Nguồn: Cục Alpha", ((String) source.get("text")).substring(0, "Nguồn: Cục Alpha".length()));
        }
        // the request's Host header never makes the links: an alias or a forged name still gets the primary host
        assertTrue(((String) feed.get("feed_url")).startsWith("http://" + TwoPortals.ALPHA_HOST));
    }

    @Test
    void pagesWithNextUrlUntilTheLastPageAndNoItemTwice() throws IOException {
        Map<String, Object> first = feed(TwoPortals.ALPHA_HOST, "/chuyen-muc/tin-hoat-dong/feed.json");
        assertEquals(FeedsController.ENTRIES, items(first).size());
        String next = (String) first.get("next_url");
        assertNotNull(next, "a full first page points to the next");
        URI nextUri = URI.create(next);
        assertEquals(TwoPortals.ALPHA_HOST, nextUri.getHost());
        Map<String, Object> second = feed(TwoPortals.ALPHA_HOST, nextUri.getRawPath() + "?" + nextUri.getRawQuery());
        assertNull(second.get("next_url"), "the last page points nowhere");
        List<Object> ids = new ArrayList<>(items(first).stream().map(i -> i.get("id")).toList());
        ids.addAll(items(second).stream().map(i -> i.get("id")).toList());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no item twice: " + ids);
        for (int i = 1; i <= 23; i++) {
            String slug = "/bai-viet/tin-json-" + i;
            assertTrue(ids.stream().anyMatch(id -> ((String) id).endsWith(slug)), slug + " in " + ids);
        }
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/feed.json?trang=abc").statusCode());
    }

    @Test
    void draftsAndTakenDownItemsAreLeftOut() throws IOException {
        List<Object> urls = new ArrayList<>();
        for (String path : List.of("/feed.json", "/feed.json?trang=2")) {
            urls.addAll(items(feed(TwoPortals.ALPHA_HOST, path)).stream().map(i -> i.get("url")).toList());
        }
        assertTrue(urls.stream().anyMatch(u -> ((String) u).endsWith("/bai-viet/tin-json-1")), urls.toString());
        assertTrue(urls.stream().noneMatch(u -> ((String) u).endsWith("/nhap-json") || ((String) u).endsWith("/tin-da-go")), urls.toString());
    }

    @Test
    void answersNotModifiedToItsEtagAndToIfModifiedSinceUntilSomethingIsPublished() {
        HttpResponse<String> first = portals.browser(TwoPortals.BETA_HOST).get("/feed.json");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, portals.browser(TwoPortals.BETA_HOST).get("/feed.json", Map.of("If-None-Match", etag)).statusCode());
        assertEquals(304, portals.browser(TwoPortals.BETA_HOST).get("/feed.json", Map.of("If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, portals.browser(TwoPortals.BETA_HOST).get("/feed.json", Map.of("If-None-Match", "\"something-else\"")).statusCode());
        assertEquals(200, portals.browser(TwoPortals.BETA_HOST).get("/feed.json",
                Map.of("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")).statusCode());

        Tenant beta = portals.beta();
        long betaSection = tenantDb.mono(beta, c -> c.one("SELECT id FROM sections ORDER BY id LIMIT 1", r -> r.get(0, Long.class))).block();
        long id = publishing.saveDraft(beta, Draft.article(betaSection, "vi", "tin-moi-beta", "Tin mới của Beta", "", "<p>Mới</p>",
                portals.editorId(beta))).block().id();
        publishing.publish(beta, id, portals.editorId(beta)).block();
        HttpResponse<String> after = portals.browser(TwoPortals.BETA_HOST).get("/feed.json", Map.of("If-None-Match", etag));
        assertEquals(200, after.statusCode(), "a publication changes the feed");
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void anotherTenantsFeedCarriesNoneOfThisTenantsItems() throws IOException {
        Map<String, Object> beta = feed(TwoPortals.BETA_HOST, "/feed.json");
        for (Map<String, Object> item : items(beta)) {
            assertEquals(TwoPortals.BETA_HOST, URI.create((String) item.get("url")).getHost());
            assertFalse(((String) item.get("url")).contains("tin-json-"), item.toString());
        }
        assertEquals(404, portals.browser(TwoPortals.BETA_HOST).get("/chuyen-muc/khong-co-muc-nay/feed.json").statusCode());
    }
}
