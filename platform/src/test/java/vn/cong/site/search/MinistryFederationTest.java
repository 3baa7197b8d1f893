package vn.cong.site.search;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.content.Draft;
import vn.cong.content.DraftRejected;
import vn.cong.content.Publishing;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.federation.FederationChoices;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantLifecycle;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ministry federation (issue 11 points 2, 5 and the national legal database link of point 4): the ministry-wide
 * search over the members that opted in, the "news from the units" block, the members' choice on their staff screen,
 * and a legal document's link to the national legal database. The ministry {@code bo} has three members: alpha and
 * gamma opted in to the search, beta never chose (and has matching content); alpha shows its news.
 */
@MicronautTest(transactional = false)
@Property(name = SlowSearchSource.ENABLED, value = "true")
@Property(name = "cong.ministry-federation.timeout", value = "2s")
class MinistryFederationTest extends PlatformTestSupport {

    private static final String WORD = "thiên văn";
    private static final String MINISTRY_SEARCH = "/tim-kiem?q=thien+van&pham-vi=toan-bo";

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    ContentKinds kinds;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantLifecycle lifecycle;
    @Inject
    FederationChoices choices;
    @Inject
    MinistryFederation federation;
    @Inject
    SlowSearchSource slow;

    private TwoPortals portals;
    private Tenant ministry;
    private Tenant alpha;
    private Tenant beta;
    private Tenant gamma;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Onboarding onboarding = context.getBean(Onboarding.class);
        TestTenants.onboard(onboarding, "gamma");
        ministry = registry.findByCode("bo").orElseThrow();
        alpha = portals.alpha();
        beta = portals.beta();
        gamma = registry.findByCode("gamma").orElseThrow();
        article(ministry, "Bộ tổng kết chương trình thiên văn học quốc gia");
        article(alpha, "Cục Alpha mở lớp thiên văn cho học sinh");
        article(beta, "Beta quan sát thiên văn riêng, chưa đồng ý liên thông");
        article(gamma, "Sở Gamma đón đoàn thiên văn nghiệp dư");
        choices.saveMember(alpha, true, true, null).block();
        choices.saveMember(gamma, true, false, null).block();
        choices.saveNewsBlock(ministry, 4, null).block();
    }

    private int slugs;

    private long article(Tenant tenant, String title) {
        Long section = tenantDb.mono(tenant, c -> c.one("SELECT id FROM sections ORDER BY id LIMIT 1", r -> r.get(0, Long.class))).block();
        long editor = tenant.code().equals("alpha") || tenant.code().equals("beta") ? portals.editorId(tenant) : 1;
        long id = publishing.saveDraft(tenant, Draft.article(section, "vi", "lien-thong-" + (++slugs), title, "Tin " + WORD + ".", "<p>" + title + "</p>", editor))
                .block().id();
        publishing.publish(tenant, id, editor).block();
        return id;
    }

    private Document page(String host, String path) {
        HttpResponse<String> response = portals.browser(host).get(path);
        assertEquals(200, response.statusCode(), response.body());
        return Jsoup.parse(response.body());
    }

    private static List<String> titles(Document page) {
        return page.select("ol.search-results h2 a").eachText();
    }

    @Test
    void theMinistryWideSearchMergesTheOptedInMembersAndNamesEachResultsPortal() {
        Document found = page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH);
        assertEquals(List.of("Bộ tổng kết chương trình thiên văn học quốc gia", "Cục Alpha mở lớp thiên văn cho học sinh",
                "Sở Gamma đón đoàn thiên văn nghiệp dư"), titles(found).stream().sorted().toList(), "the ministry and the two members that opted in");
        for (Element result : found.select("ol.search-results li")) {
            String title = result.selectFirst("h2 a").text();
            String portal = result.selectFirst(".meta-portal").text();
            String href = result.selectFirst("h2 a").attr("href");
            if (title.startsWith("Cục Alpha")) {
                assertEquals("Cục Alpha", portal);
                assertTrue(href.startsWith("http://alpha.most.localhost:") && href.contains("/bai-viet/"), href);
            } else if (title.startsWith("Bộ tổng kết")) {
                assertTrue(href.startsWith("/bai-viet/"), "the ministry's own result stays on its host: " + href);
            }
        }
        assertEquals(2, found.select("fieldset.search-scope input[type=radio]").size(), "this portal / the whole ministry");
        assertTrue(found.selectFirst("#tim-kiem-pham-vi-2").hasAttr("checked"));
        assertNull(found.selectFirst(".search-unanswered"), "every portal answered");
        Document english = page(TwoPortals.MINISTRY_HOST, "/en/search?q=thien+van&pham-vi=toan-bo");
        assertTrue(english.select("fieldset.search-scope").text().contains("Whole ministry"));
        Document ownOnly = page(TwoPortals.MINISTRY_HOST, "/tim-kiem?q=thien+van");
        assertEquals(List.of("Bộ tổng kết chương trình thiên văn học quốc gia"), titles(ownOnly), "without the scope: the ministry's own items");
    }

    @Test
    void aMemberThatDidNotOptInIsNeverSearched() {
        // were beta's schema searched at all, its sleeping statement would make the page name it as not answering
        slow.slowIn(beta.schema());
        try {
            Document found = page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH);
            assertFalse(titles(found).stream().anyMatch(t -> t.startsWith("Beta")), titles(found).toString());
            assertNull(found.selectFirst(".search-unanswered"), "beta was not searched, so it cannot have timed out");
            assertTrue(titles(found).contains("Cục Alpha mở lớp thiên văn cho học sinh"));
        } finally {
            slow.slowIn("");
        }
    }

    @Test
    void aMemberThatDoesNotAnswerInTimeIsNamedWhileTheOthersReturn() {
        slow.slowIn(gamma.schema());
        try {
            Document found = page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH);
            assertEquals(List.of("Sở Gamma"), found.select(".search-unanswered strong").eachText());
            assertTrue(titles(found).containsAll(List.of("Cục Alpha mở lớp thiên văn cho học sinh", "Bộ tổng kết chương trình thiên văn học quốc gia")));
            assertFalse(titles(found).contains("Sở Gamma đón đoàn thiên văn nghiệp dư"));
        } finally {
            slow.slowIn("");
        }
        assertTrue(titles(page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH)).contains("Sở Gamma đón đoàn thiên văn nghiệp dư"),
                "its connection came back to the pool in a usable state");
    }

    @Test
    void aSuspendedMemberDisappearsFromTheMinistryWideSearch() {
        assertTrue(titles(page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH)).contains("Sở Gamma đón đoàn thiên văn nghiệp dư"));
        lifecycle.change("gamma", Tenant.TenantStatus.SUSPENDED, "Tạm ngừng để kiểm tra", "test").block();
        try {
            Document found = page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH);
            assertFalse(titles(found).contains("Sở Gamma đón đoàn thiên văn nghiệp dư"), titles(found).toString());
            assertNull(found.selectFirst(".search-unanswered"), "a suspended member is not searched at all");
        } finally {
            lifecycle.change("gamma", Tenant.TenantStatus.ACTIVE, null, "test").block();
        }
    }

    @Test
    void aMemberPortalHasNoMinistryWideScope() {
        Document found = page(TwoPortals.ALPHA_HOST, MINISTRY_SEARCH);
        assertEquals(List.of("Cục Alpha mở lớp thiên văn cho học sinh"), titles(found), "only alpha's own items, whatever the query string says");
        assertNull(found.selectFirst("fieldset.search-scope"));
        assertTrue(found.select(".meta-portal").isEmpty());
    }

    @Test
    void theNewsBlockShowsTheOptedInMembersNewsAndFollowsTheirPublications() {
        Browser reader = portals.browser(TwoPortals.MINISTRY_HOST);
        Document home = Jsoup.parse(reader.get("/").body());
        Element block = home.selectFirst("section.member-news");
        assertTrue(block != null && block.text().contains("Tin từ các đơn vị"), home.body().text());
        assertTrue(block.text().contains("Cục Alpha mở lớp thiên văn cho học sinh"));
        assertFalse(block.text().contains("Beta quan sát"), "beta did not opt in");
        assertTrue(block.selectFirst("a[href*=alpha.most.localhost]") != null, "cards link to the member's own host");
        assertEquals(home.html(), Jsoup.parse(reader.get("/").body()).html(), "the home is served from the cache");

        article(alpha, "Cục Alpha công bố bản đồ sao mới");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                reader.get("/").body().contains("Cục Alpha công bố bản đồ sao mới"));
        Element refreshed = Jsoup.parse(reader.get("/").body()).selectFirst("section.member-news");
        assertTrue(refreshed.select("article").size() <= 4, "at most the size the ministry chose");
        assertTrue(refreshed.select("article").first().text().contains("Cục Alpha công bố bản đồ sao mới"), "newest first");

        article(beta, "Beta đăng tin không liên thông");
        assertFalse(Jsoup.parse(reader.get("/").body()).select("section.member-news").text().contains("Beta đăng tin"));
        Document english = Jsoup.parse(reader.get("/en").body());
        assertTrue(english.select("section.member-news").isEmpty() || english.select("section.member-news").text().contains("News from the units"));
    }

    @Test
    void theMinistrysTenantAdminSizesOrHidesTheBlock() {
        Browser admin = portals.loggedIn(TwoPortals.MINISTRY_HOST, "quantri", "MatKhauBo2026!");
        HttpResponse<String> form = admin.get("/quan-tri/lien-thong-bo");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("Cục Alpha"), "lists the members that opted in");
        HttpResponse<String> refused = admin.postForm("/quan-tri/lien-thong-bo",
                Map.of("csrfToken", StaffForms.csrfToken(form), "newsBlock", "on", "newsBlockSize", "99"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("từ 1 đến 24") && refused.body().contains("value=\"99\""), "message and the value typed");
        try {
            assertEquals(303, admin.postForm("/quan-tri/lien-thong-bo",
                    Map.of("csrfToken", StaffForms.csrfToken(form), "newsBlock", "on", "newsBlockSize", "1")).statusCode());
            assertEquals(1, Jsoup.parse(portals.browser(TwoPortals.MINISTRY_HOST).get("/").body()).select("section.member-news article").size());
            assertEquals(303, admin.postForm("/quan-tri/lien-thong-bo", Map.of("csrfToken", StaffForms.csrfToken(form), "newsBlockSize", "6"))
                    .statusCode());
            assertTrue(Jsoup.parse(portals.browser(TwoPortals.MINISTRY_HOST).get("/").body()).select("section.member-news").isEmpty(), "switched off");
            assertEquals(0, federation.choices(ministry).block().newsBlockSize());
        } finally {
            choices.saveNewsBlock(ministry, 4, null).block();
        }
    }

    @Test
    void aMembersTenantAdminOptsInOnItsOwnScreenOnlyForItsOwnPortalAndIsAudited() {
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        HttpResponse<String> form = betaAdmin.get("/quan-tri/lien-thong-bo");
        assertEquals(200, form.statusCode());
        Document shown = Jsoup.parse(form.body());
        assertFalse(shown.selectFirst("#inSearch").hasAttr("checked") || shown.selectFirst("#inNews").hasAttr("checked"));
        assertEquals(MinistryFederation.Choices.NONE, federation.choices(beta).block());
        try {
            // beta's admin sends a form naming no portal: only beta changes
            assertEquals(303, betaAdmin.postForm("/quan-tri/lien-thong-bo", Map.of("csrfToken", StaffForms.csrfToken(form), "inNews", "on"))
                    .statusCode());
            assertEquals(new MinistryFederation.Choices(false, true, 0), federation.choices(beta).block());
            assertEquals(new MinistryFederation.Choices(true, true, 0), federation.choices(alpha).block(), "alpha's choice untouched");
            assertEquals("federation.member", tenantDb.mono(beta, c -> c.one(
                    "SELECT action FROM audit_log WHERE action LIKE 'federation.%' ORDER BY id DESC LIMIT 1", r -> r.get(0, String.class))).block());
            // beta's session opens nothing on alpha's host, and an editor cannot choose for the portal
            HttpResponse<String> onAlpha = betaAdmin.at(TwoPortals.ALPHA_HOST).postForm("/quan-tri/lien-thong-bo",
                    Map.of("csrfToken", StaffForms.csrfToken(form)));
            assertTrue(onAlpha.statusCode() == 303 && onAlpha.headers().firstValue("location").orElse("").contains("dang-nhap")
                    || onAlpha.statusCode() == 401 || onAlpha.statusCode() == 403, "refused: " + onAlpha.statusCode());
            assertEquals(new MinistryFederation.Choices(true, true, 0), federation.choices(alpha).block());
            assertEquals(403, portals.editor(alpha).get("/quan-tri/lien-thong-bo").statusCode());
            assertFalse(titles(page(TwoPortals.MINISTRY_HOST, MINISTRY_SEARCH)).stream().anyMatch(t -> t.startsWith("Beta")),
                    "joining the news block is not joining the search");
        } finally {
            choices.saveMember(beta, false, false, null).block();
        }
    }

    @Test
    void aLegalDocumentCarriesItsNationalLegalDatabaseLink() {
        for (String bad : List.of("http://vbpl.vn/van-ban/1", "https://vbpl.vn.example.com/1", "https://evil.example/vbpl.vn", "javascript:alert(1)",
                "https://user@vbpl.vn/1")) {
            DraftRejected refused = assertThrows(DraftRejected.class, () -> saveDocument("01/QĐ-CA-" + Math.abs(bad.hashCode()), "158765", bad));
            assertTrue(refused.problems().containsKey("nationalUrl"), bad + " → " + refused.problems());
        }
        DraftRejected badId = assertThrows(DraftRejected.class, () -> saveDocument("02/QĐ-CA", "<script>", ""));
        assertTrue(badId.problems().containsKey("nationalId"));

        String url = "https://vbpl.vn/bokhoahoccongnghe/Pages/vbpq-toanvan.aspx?ItemID=158765";
        long id = saveDocument("03/QĐ-CA", "158765", url);
        publishing.publish(alpha, id, portals.editorId(alpha)).block();
        String slug = tenantDb.mono(alpha, c -> c.one("SELECT slug FROM content_items WHERE id = $1", r -> r.get(0, String.class), id)).block();
        Document shown = page(TwoPortals.ALPHA_HOST, "/van-ban/" + slug);
        Element link = shown.selectFirst("a[href=\"" + url + "\"]");
        assertTrue(link != null && link.text().equals("158765"), shown.body().text());
        assertTrue(shown.body().text().contains("Cơ sở dữ liệu quốc gia về văn bản pháp luật"));
        String api = portals.browser(TwoPortals.ALPHA_HOST).get("/api/v1/public/documents").body();
        assertTrue(api.contains("\"nationalDatabaseId\":\"158765\"") && api.contains("\"nationalDatabaseUrl\":\"" + url + "\""), api);
        String feed = portals.browser(TwoPortals.ALPHA_HOST).get("/feed.json").body();
        assertTrue(feed.contains("\"_national_legal_database\":{\"id\":\"158765\",\"url\":\"" + url + "\"}"), feed);
    }

    private long saveDocument(String number, String nationalId, String nationalUrl) {
        Map<String, String> doc = new HashMap<>();
        doc.put("version", "0");
        doc.put("number", number);
        doc.put("typeCode", "quyet-dinh");
        doc.put("title", "Quyết định " + number + " về quan sát thiên văn");
        doc.put("slug", "");
        doc.put("language", "vi");
        doc.put("summary", "Quy định mới.");
        doc.put("issuer", "Cục Alpha");
        doc.put("signer", "Cục trưởng");
        doc.put("issuedOn", "2026-03-05");
        doc.put("effectiveOn", "");
        doc.put("expiresOn", "");
        doc.put("status", "valid");
        doc.put("replacedBy", "");
        doc.put("nationalId", nationalId);
        doc.put("nationalUrl", nationalUrl);
        doc.put("body", "<p>Điều 1.</p>");
        return kinds.kind("document").orElseThrow().save(alpha, null, doc, portals.editorId(alpha)).block().id();
    }
}
