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
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read-only public JSON API (issue 11, point 3): published news and legal documents a page at a time,
 * conditional GETs answered with 304 (ETag and If-Modified-Since), every item with "Nguồn: <portal>" and its
 * canonical link on the primary host, no session, never another tenant's items, bad parameters named.
 */
@MicronautTest(transactional = false)
class PublicApiTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    LegalDocuments documents;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    JsonMapper json;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        long section = tenantDb.mono(alpha, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
        for (int i = 1; i <= 12; i++) {
            long id = publishing.saveDraft(alpha, Draft.article(section, "vi", "tin-api-" + i, "Tin API số " + i, "Tóm tắt " + i, "<p>x</p>",
                    portals.editorId(alpha))).block().id();
            publishing.publish(alpha, id, portals.editorId(alpha)).block();
        }
        publishing.saveDraft(alpha, Draft.article(section, "vi", "nhap-api", "Bản nháp API", "", "<p>x</p>", portals.editorId(alpha))).block();
        document(alpha, "qd-123-2026", "Quyết định phê duyệt đề án chuyển đổi số", "123/QĐ-BKHCN", true);
        document(alpha, "qd-124-2026", "Quyết định chưa ban hành", "124/QĐ-BKHCN", false);
    }

    private void document(Tenant tenant, String slug, String title, String number, boolean publish) {
        long id = documents.save(tenant, new Draft(null, 0, LegalDocuments.KIND, null, "vi", slug, title, "Tóm tắt " + title, "<p>Toàn văn</p>",
                        null, null, null, false, null),
                new DocumentFields(number, "quyet-dinh", "Bộ Khoa học và Công nghệ", "Nguyễn Văn A", LocalDate.of(2026, 3, 2), null, null,
                        DocumentStatus.VALID, null), Map.of()).block().id();
        if (publish) {
            publishing.publish(tenant, id, null).block();
        }
    }

    private Map<String, Object> get(String host, String path) throws IOException {
        HttpResponse<String> response = portals.browser(host).get(path);
        assertEquals(200, response.statusCode(), path + "\n" + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "the public API opens no session");
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("public"));
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) (List<?>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> links(Map<String, Object> page) {
        return (Map<String, Object>) page.get("links");
    }

    @Test
    void newsComePagedWithTotalsAndLinksToTheNextAndPreviousPage() throws IOException {
        Map<String, Object> first = get(TwoPortals.ALPHA_HOST, "/api/v1/public/news?size=5");
        long total = ((Number) first.get("total")).longValue();
        assertTrue(total >= 12, "12 published news at least: " + total);
        assertEquals(5, items(first).size());
        assertNull(links(first).get("prev"));
        List<Object> seen = new ArrayList<>();
        Map<String, Object> page = first;
        int pages = 0;
        while (true) {
            pages++;
            seen.addAll(items(page).stream().map(i -> i.get("id")).toList());
            String next = (String) links(page).get("next");
            if (next == null) {
                break;
            }
            URI uri = URI.create(next);
            assertEquals(TwoPortals.ALPHA_HOST, uri.getHost());
            page = get(TwoPortals.ALPHA_HOST, uri.getRawPath() + "?" + uri.getRawQuery());
            assertTrue(((String) links(page).get("prev")).contains("page=" + (pages)));
        }
        assertEquals(total, seen.size(), "every item once over the pages");
        assertEquals(total, new HashSet<>(seen).size());
        assertEquals((total + 4) / 5, pages);
        Map<String, Object> section = get(TwoPortals.ALPHA_HOST, "/api/v1/public/news?section=tin-hoat-dong&size=100");
        assertTrue(items(section).stream().anyMatch(i -> "Tin API số 7".equals(i.get("title"))));
    }

    @Test
    void everyItemNamesThePortalAndItsCanonicalLinkAndDraftsAreLeftOut() throws IOException {
        Map<String, Object> news = get(TwoPortals.ALPHA_HOST, "/api/v1/public/news?size=100");
        for (Map<String, Object> item : items(news)) {
            assertEquals("Nguồn: Cục Alpha", item.get("source"));
            assertEquals(TwoPortals.ALPHA_HOST, URI.create((String) item.get("url")).getHost());
        }
        assertTrue(items(news).stream().noneMatch(i -> "Bản nháp API".equals(i.get("title"))));

        Map<String, Object> docs = get(TwoPortals.ALPHA_HOST, "/api/v1/public/documents?type=quyet-dinh&year=2026");
        List<Map<String, Object>> listed = items(docs);
        assertEquals(1, listed.size(), listed.toString());
        Map<String, Object> doc = listed.get(0);
        assertEquals("123/QĐ-BKHCN", doc.get("number"));
        assertEquals("Quyết định", doc.get("typeName"));
        assertEquals("2026-03-02", doc.get("issuedOn"));
        assertEquals("valid", doc.get("status"));
        assertEquals("Nguồn: Cục Alpha", doc.get("source"));
        URI url = URI.create((String) doc.get("url"));
        assertEquals(TwoPortals.ALPHA_HOST, url.getHost());
        assertTrue(url.getPath().startsWith("/van-ban/"), url.toString());
        assertEquals(200, portals.browser(TwoPortals.ALPHA_HOST).get(URI.create((String) doc.get("url")).getRawPath()).statusCode(),
                "the canonical link is the document's public page");
    }

    @Test
    void answersNotModifiedToItsEtagAndIfModifiedSinceAndChangesWhenSomethingIsPublished() {
        String path = "/api/v1/public/news?size=3";
        HttpResponse<String> first = portals.browser(TwoPortals.BETA_HOST).get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> byTag = portals.browser(TwoPortals.BETA_HOST).get(path, Map.of("If-None-Match", etag));
        assertEquals(304, byTag.statusCode());
        assertEquals("", byTag.body());
        assertEquals(304, portals.browser(TwoPortals.BETA_HOST).get(path, Map.of("If-Modified-Since", lastModified)).statusCode());
        assertEquals(304, portals.browser(TwoPortals.BETA_HOST).get("/api/v1/public/documents",
                Map.of("If-None-Match", portals.browser(TwoPortals.BETA_HOST).get("/api/v1/public/documents").headers()
                        .firstValue("ETag").orElseThrow())).statusCode());
        assertEquals(200, portals.browser(TwoPortals.BETA_HOST).get(path, Map.of("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")).statusCode());
        assertEquals(200, portals.browser(TwoPortals.BETA_HOST).get(path, Map.of("If-Modified-Since", "not a date")).statusCode());

        Tenant beta = portals.beta();
        long section = tenantDb.mono(beta, c -> c.one("SELECT id FROM sections ORDER BY id LIMIT 1", r -> r.get(0, Long.class))).block();
        long id = publishing.saveDraft(beta, Draft.article(section, "vi", "tin-api-beta-moi", "Tin mới Beta", "", "<p>x</p>",
                portals.editorId(beta))).block().id();
        publishing.publish(beta, id, portals.editorId(beta)).block();
        HttpResponse<String> after = portals.browser(TwoPortals.BETA_HOST).get(path, Map.of("If-None-Match", etag));
        assertEquals(200, after.statusCode());
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        assertTrue(after.body().contains("Tin mới Beta"));
    }

    @Test
    void anotherTenantsApiNeverListsThisTenantsItemsAndOtherHostsHaveNone() throws IOException {
        Map<String, Object> beta = get(TwoPortals.BETA_HOST, "/api/v1/public/news?size=100");
        assertFalse(items(beta).isEmpty(), "beta's own manifest news");
        for (Map<String, Object> item : items(beta)) {
            assertEquals(TwoPortals.BETA_HOST, URI.create((String) item.get("url")).getHost());
            assertEquals("Nguồn: Viện Beta", item.get("source"));
        }
        assertTrue(items(get(TwoPortals.BETA_HOST, "/api/v1/public/documents")).stream().noneMatch(d -> "123/QĐ-BKHCN".equals(d.get("number"))));
        assertEquals(404, portals.browser("admin.most.localhost").get("/api/v1/public/news").statusCode());
        assertEquals(404, portals.browser("khong-co.most.localhost").get("/api/v1/public/news").statusCode());
    }

    @Test
    void badParametersAreNamedWithA400AndUnknownSectionsAre404() throws IOException {
        HttpResponse<String> bad = portals.browser(TwoPortals.ALPHA_HOST).get("/api/v1/public/news?page=0&size=1000&lang=fr");
        assertEquals(400, bad.statusCode());
        for (String field : List.of("\"page\"", "\"size\"", "\"lang\"")) {
            assertTrue(bad.body().contains(field), bad.body());
        }
        assertEquals(400, portals.browser(TwoPortals.ALPHA_HOST).get("/api/v1/public/documents?year=20x6").statusCode());
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/api/v1/public/news?section=khong-co").statusCode());
        Map<String, Object> index = get(TwoPortals.ALPHA_HOST, "/api/v1/public");
        assertTrue(index.toString().contains("/api/v1/public/documents"), index.toString());
    }
}
