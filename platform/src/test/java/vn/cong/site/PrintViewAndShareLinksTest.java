package vn.cong.site;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;
import vn.cong.themes.Theme;
import vn.cong.themes.Themes;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The print view of every item ({@code <address>/in}: the item alone, its portal and canonical address printed,
 * kept out of search engines) and the share links on item pages in every theme (Facebook, Zalo, print, the address
 * to copy: plain links on the tenant's primary host, no third-party script) (issue 11, point 6).
 */
@MicronautTest(transactional = false)
class PrintViewAndShareLinksTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    LegalDocuments documents;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    PublicChanges changes;
    @Inject
    Themes themes;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        long section = tenantDb.mono(alpha, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
        long id = publishing.saveDraft(alpha, Draft.article(section, "vi", "hoi-nghi-chuyen-doi-so", "Hội nghị chuyển đổi số năm 2026",
                "Tóm tắt hội nghị.", "<p>Sáng 3/12, Cục Alpha tổ chức hội nghị tổng kết.</p>", portals.editorId(alpha))).block().id();
        publishing.publish(alpha, id, portals.editorId(alpha)).block();
        long doc = documents.save(alpha, new Draft(null, 0, LegalDocuments.KIND, null, "vi", "qd-88-2026", "Quyết định ban hành quy chế",
                        "Quy chế quản lý cổng.", "<p>Điều 1. Ban hành kèm theo Quyết định này…</p>", null, null, null, false, null),
                new DocumentFields("88/QĐ-CA", "quyet-dinh", "Cục Alpha", "Trần Văn B", LocalDate.of(2026, 11, 20), null, null,
                        DocumentStatus.VALID, null), Map.of()).block().id();
        publishing.publish(alpha, doc, null).block();
        publishing.saveDraft(alpha, Draft.article(section, "vi", "ban-nhap-in", "Bản nháp", "", "<p>x</p>", portals.editorId(alpha))).block();
    }

    private Document page(String host, String path) {
        HttpResponse<String> response = portals.browser(host).get(path);
        assertEquals(200, response.statusCode(), path + "\n" + response.body());
        return Jsoup.parse(response.body());
    }

    @Test
    void anArticlesPrintViewShowsTheItemAloneWithItsPortalAndCanonicalAddress() {
        Document print = page(TwoPortals.ALPHA_HOST, "/bai-viet/hoi-nghi-chuyen-doi-so/in");
        assertEquals("Hội nghị chuyển đổi số năm 2026", print.selectFirst("h1").text());
        assertTrue(print.text().contains("Sáng 3/12, Cục Alpha tổ chức hội nghị tổng kết."));
        assertTrue(print.selectFirst(".print-source").text().startsWith("Bản in từ Cục Alpha:"), print.selectFirst(".print-source").text());
        String canonical = print.selectFirst("link[rel=canonical]").attr("href");
        URI uri = URI.create(canonical);
        assertEquals(TwoPortals.ALPHA_HOST, uri.getHost());
        assertEquals("/bai-viet/hoi-nghi-chuyen-doi-so", uri.getPath(), "the print view stands for the item's page");
        assertEquals(canonical, print.selectFirst(".print-source a").attr("href"));
        assertEquals("noindex, follow", print.selectFirst("meta[name=robots]").attr("content"));
        assertTrue(print.select(".main-nav, .site-footer, .header-search, .share, .related").isEmpty(), "no menu, footer, search or sharing");
    }

    @Test
    void aLegalDocumentsPrintViewCarriesItsFactsAndEnglishPagesHaveOneToo() {
        Document print = page(TwoPortals.ALPHA_HOST, "/van-ban/qd-88-2026/in");
        assertTrue(print.text().contains("88/QĐ-CA"), print.text());
        assertTrue(print.text().contains("Điều 1. Ban hành kèm theo Quyết định này"));
        assertEquals("/van-ban/qd-88-2026", URI.create(print.selectFirst("link[rel=canonical]").attr("href")).getPath());
        assertTrue(print.select(".main-nav, .site-footer").isEmpty());
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/en/bai-viet/hoi-nghi-chuyen-doi-so/in").statusCode(),
                "no English version of this article");
    }

    @Test
    void unpublishedUnknownAndOtherTenantsItemsHaveNoPrintView() {
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/bai-viet/ban-nhap-in/in").statusCode());
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/van-ban/khong-co/in").statusCode());
        assertEquals(404, portals.browser(TwoPortals.BETA_HOST).get("/bai-viet/hoi-nghi-chuyen-doi-so/in").statusCode());
        assertEquals(404, portals.browser(TwoPortals.BETA_HOST).get("/van-ban/qd-88-2026/in").statusCode());
    }

    @Test
    void itemPagesInEveryThemeOfferPlainShareLinksToTheirCanonicalAddress() throws Exception {
        for (Theme theme : themes.all()) {
            useTheme(theme.name());
            for (String path : List.of("/bai-viet/hoi-nghi-chuyen-doi-so", "/van-ban/qd-88-2026")) {
                Document doc = page(TwoPortals.ALPHA_HOST, path);
                String where = theme.name() + " " + path;
                Element share = doc.selectFirst("section.share");
                assertNotNull(share, where);
                String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
                assertEquals(TwoPortals.ALPHA_HOST, URI.create(canonical).getHost(), where);
                String facebook = share.selectFirst("a.share-facebook").attr("href");
                assertTrue(facebook.startsWith("https://www.facebook.com/sharer/sharer.php?u="), where);
                assertEquals(canonical, URLDecoder.decode(facebook.substring(facebook.indexOf("u=") + 2), StandardCharsets.UTF_8), where);
                String zalo = share.selectFirst("a.share-zalo").attr("href");
                assertTrue(zalo.startsWith("https://sp.zalo.me/") && URLDecoder.decode(zalo, StandardCharsets.UTF_8).endsWith(canonical), where);
                assertEquals(path + "/in", share.selectFirst("a.share-print").attr("href"), where);
                assertEquals(canonical, share.selectFirst("input#lien-ket-trang").attr("value"), where);
                assertEquals("lien-ket-trang", share.selectFirst("label").attr("for"), where);
                for (Element script : doc.select("script[src]")) {
                    assertTrue(script.attr("src").startsWith("/"), "only the platform's own scripts: " + script.attr("src") + " on " + where);
                }
                assertFalse(doc.html().contains("connect.facebook.net") || doc.html().contains("sp.zalo.me/plugins/sdk"), where);
            }
        }
        useTheme("default");
        Document english = page(TwoPortals.ALPHA_HOST, "/en");
        assertTrue(english.select("section.share").isEmpty(), "lists and home pages have no share block");
    }

    private void useTheme(String theme) throws Exception {
        try (var c = jdbc(); var s = c.prepareStatement(
                "UPDATE platform.tenants SET theme = ?, content_version = content_version + 1 WHERE code = 'alpha'")) {
            s.setString(1, theme);
            s.executeUpdate();
        }
        changes.refreshEveryNode().block();
    }
}
