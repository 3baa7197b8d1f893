package vn.cong.site.seo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sitemaps, robots.txt, OpenSearch and the tags link previews read (issue 11, point 6), on the tenants' hosts.
 * Sitemaps split above three addresses here, to see the index without writing 50,000 items.
 */
@MicronautTest(transactional = false)
@Property(name = "cong.site.sitemap.max-urls", value = "3")
class SearchEnginesAndSharingTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    TenantDatabase tenantDb;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        Long section = tenantDb.mono(alpha, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
        long id = publishing.saveDraft(alpha, new Draft(null, 0, "article", section, "vi", "anh-bia", "Hội thảo có ảnh bìa & <ký tự>",
                "Tóm tắt hội thảo về đổi mới sáng tạo.", "<p>Nội dung</p>", "/media/alpha/bia.jpg", "Ảnh hội trường", null, false,
                portals.editorId(alpha))).block().id();
        publishing.publish(alpha, id, portals.editorId(alpha)).block();
        long draft = publishing.saveDraft(alpha, Draft.article(section, "vi", "chua-dang", "Chưa đăng", "", "<p>x</p>",
                portals.editorId(alpha))).block().id();
        assertTrue(draft > 0);
    }

    private static org.w3c.dom.Document xml(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(org.w3c.dom.Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", element);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void theSitemapIsWellFormedSplitAndOnlyOnTheTenantsHost() throws Exception {
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        org.w3c.dom.Document index = xml(reader.get("/sitemap.xml"));
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        List<String> parts = texts(index, "loc");
        assertTrue(parts.size() >= 2, parts.toString());
        List<String> urls = new ArrayList<>();
        List<String> lastmods = new ArrayList<>();
        for (String part : parts) {
            URI u = URI.create(part);
            assertEquals(TwoPortals.ALPHA_HOST, u.getHost());
            org.w3c.dom.Document set = xml(reader.get(u.getPath()));
            assertEquals("urlset", set.getDocumentElement().getLocalName());
            List<String> locs = texts(set, "loc");
            assertTrue(locs.size() <= 3, locs.toString());
            urls.addAll(locs);
            lastmods.addAll(texts(set, "lastmod"));
        }
        assertTrue(urls.stream().allMatch(u -> URI.create(u).getHost().equals(TwoPortals.ALPHA_HOST)), urls.toString());
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/bai-viet/anh-bia")), urls.toString());
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/chuyen-muc/tin-hoat-dong")), urls.toString());
        assertFalse(urls.stream().anyMatch(u -> u.contains("chua-dang")), "drafts are not listed");
        assertFalse(lastmods.isEmpty());
        lastmods.forEach(m -> java.time.OffsetDateTime.parse(m));
        assertEquals(404, reader.get("/sitemap-" + (parts.size() + 1) + ".xml").statusCode());
        assertEquals(404, reader.get("/sitemap-0x.xml").statusCode());

        // another tenant's sitemap never names alpha's items nor alpha's host, whatever Host header asked
        String beta = String.join("\n", betaSitemapUrls());
        assertFalse(beta.contains("anh-bia") || beta.contains(TwoPortals.ALPHA_HOST), beta);
    }

    private List<String> betaSitemapUrls() throws Exception {
        Browser reader = portals.browser(TwoPortals.BETA_HOST);
        org.w3c.dom.Document first = xml(reader.get("/sitemap.xml"));
        List<String> all = new ArrayList<>();
        for (String loc : texts(first, "loc")) {
            all.add(loc);
            if ("sitemapindex".equals(first.getDocumentElement().getLocalName())) {
                all.addAll(texts(xml(reader.get(URI.create(loc).getPath())), "loc"));
            }
        }
        return all;
    }

    @Test
    void robotsNamesTheSitemapAndKeepsStaffAndSearchResultsOut() {
        HttpResponse<String> robots = portals.browser(TwoPortals.ALPHA_HOST).get("/robots.txt");
        assertEquals(200, robots.statusCode());
        assertTrue(robots.body().contains("Disallow: /quan-tri"));
        assertTrue(robots.body().contains("Disallow: /tim-kiem"));
        assertTrue(robots.body().contains("Sitemap: http://" + TwoPortals.ALPHA_HOST + ":"), robots.body());
        assertEquals(404, portals.browser("unknown.example").get("/robots.txt").statusCode());
    }

    @Test
    void anArticleCarriesCanonicalDescriptionOpenGraphAndTwitterTags() {
        Document page = Jsoup.parse(portals.browser(TwoPortals.ALPHA_HOST).get("/bai-viet/anh-bia").body());
        String canonical = page.selectFirst("link[rel=canonical]").attr("href");
        assertEquals(TwoPortals.ALPHA_HOST, URI.create(canonical).getHost());
        assertTrue(canonical.endsWith("/bai-viet/anh-bia"));
        assertEquals("Tóm tắt hội thảo về đổi mới sáng tạo.", page.selectFirst("meta[name=description]").attr("content"));
        assertEquals("article", page.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals("Hội thảo có ảnh bìa & <ký tự>", page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(canonical, page.selectFirst("meta[property=og:url]").attr("content"));
        String image = page.selectFirst("meta[property=og:image]").attr("content");
        assertEquals("http://" + TwoPortals.ALPHA_HOST, image.substring(0, image.lastIndexOf(':')));
        assertTrue(image.endsWith("/media/alpha/bia.jpg"), image);
        assertEquals("Ảnh hội trường", page.selectFirst("meta[property=og:image:alt]").attr("content"));
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals(image, page.selectFirst("meta[name=twitter:image]").attr("content"));
        assertNotNull(page.selectFirst("link[rel=search][type=application/opensearchdescription+xml]"));
        // pages without a summary still describe themselves
        Document home = Jsoup.parse(portals.browser(TwoPortals.ALPHA_HOST).get("/").body());
        assertFalse(home.selectFirst("meta[name=description]").attr("content").isBlank());
        assertEquals("website", home.selectFirst("meta[property=og:type]").attr("content"));
        assertNotNull(home.selectFirst("link[rel=icon]"));
        // search results are not for indexes
        assertNotNull(Jsoup.parse(portals.browser(TwoPortals.ALPHA_HOST).get("/tim-kiem?q=hoi+thao").body()).selectFirst("meta[name=robots]"));
    }

    @Test
    void thePublicFormsAreIndexableAndDescribeThemselvesInBothLanguages() {
        for (String path : List.of("/hoi-dap/gui", "/phan-anh/gui", "/dang-ky-nhan-tin", "/en/hoi-dap/gui", "/en/phan-anh/gui", "/en/dang-ky-nhan-tin")) {
            HttpResponse<String> response = portals.browser(TwoPortals.ALPHA_HOST).get(path);
            assertEquals(200, response.statusCode(), path);
            Document page = Jsoup.parse(response.body());
            assertFalse(page.selectFirst("meta[name=description]").attr("content").isBlank(), path + " has a description");
            assertEquals(null, page.selectFirst("meta[name=robots]"), path + " is for search engines");
            assertTrue(page.selectFirst("link[rel=canonical]").attr("href").endsWith(path), path);
        }
        assertTrue(Jsoup.parse(portals.browser(TwoPortals.ALPHA_HOST).get("/dang-ky-nhan-tin").body())
                .selectFirst("meta[name=description]").attr("content").startsWith("Nhận tin bài, văn bản mới"));
    }

    @Test
    void theOpenSearchDescriptionPointsAtThePortalsOwnSearch() throws Exception {
        HttpResponse<String> response = portals.browser(TwoPortals.ALPHA_HOST).get("/opensearch.xml");
        assertEquals(200, response.statusCode());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("OpenSearchDescription", doc.getDocumentElement().getLocalName());
        String template = ((org.w3c.dom.Element) doc.getElementsByTagNameNS("http://a9.com/-/spec/opensearch/1.1/", "Url").item(0))
                .getAttribute("template");
        assertTrue(template.startsWith("http://" + TwoPortals.ALPHA_HOST + ":"), template);
        assertTrue(template.endsWith("/tim-kiem?q={searchTerms}"), template);
        assertTrue(doc.getElementsByTagNameNS("http://a9.com/-/spec/opensearch/1.1/", "ShortName").item(0).getTextContent().length() <= 16);
    }
}
