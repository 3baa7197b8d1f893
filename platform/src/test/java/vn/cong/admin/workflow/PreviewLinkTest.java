package vn.cong.admin.workflow;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Staff;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/** A leader without an account sees an item through a time-limited link (000 Đ10.2e), on its tenant's host only, until it expires or is revoked. */
@MicronautTest(transactional = false)
class PreviewLinkTest extends PlatformTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;
    private static final String BETA = TwoPortals.BETA_HOST;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration accounts;
    @Inject
    Publishing publishing;

    private TwoPortals portals;
    private Staff staff;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        staff = Staff.create(accounts, portals.alpha());
        Staff.create(accounts, portals.beta());
    }

    private long draft(String slug, String text) {
        return publishing.saveDraft(portals.alpha(), Draft.article(null, "vi", slug, "Xin ý kiến " + slug, "", "<p>" + text + "</p>",
                staff.get(Role.EDITOR).id())).block().id();
    }

    private HttpResponse<String> create(Browser b, long id, String days, String note) {
        String page = "/quan-tri/quy-trinh/" + id + "/xem-truoc/lien-ket";
        return b.postForm(page, Map.of("csrfToken", csrfToken(b.get(page)), "days", days, "note", note));
    }

    private String path(HttpResponse<String> created) {
        String link = Jsoup.parse(created.body()).selectFirst("code.issued-link").text();
        assertTrue(link.startsWith("http://" + ALPHA), "an absolute link on the tenant's own host: " + link);
        return link.substring(link.indexOf("/xem-truoc/"));
    }

    @Test
    void aLeaderWithoutAnAccountSeesTheItemOnlyOnItsTenantsHostUntilTheLinkIsRevoked() {
        long id = draft("nang-luc-quoc-gia", "Đề án nâng cao năng lực đổi mới sáng tạo quốc gia.");
        Browser editor = portals.loggedIn(ALPHA, Staff.USERNAMES.get(Role.EDITOR), Staff.PASSWORD);
        HttpResponse<String> created = create(editor, id, "3", "Thứ trưởng phụ trách");
        assertEquals(200, created.statusCode(), created.body());
        String path = path(created);

        HttpResponse<String> seen = portals.browser(ALPHA).get(path);
        assertEquals(200, seen.statusCode());
        assertEquals("Đề án nâng cao năng lực đổi mới sáng tạo quốc gia.", Jsoup.parse(seen.body()).selectFirst(".prose p").text());
        assertEquals("private, no-store", seen.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", seen.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(seen.headers().firstValue("X-Robots-Tag").orElse("").contains("noindex"));

        HttpResponse<String> onBeta = portals.browser(BETA).get(path);
        assertEquals(410, onBeta.statusCode(), "the link means nothing on another tenant's host");
        assertFalse(onBeta.body().contains("Đề án nâng cao"));
        assertEquals(410, portals.browser(ALPHA).get(path.substring(0, path.length() - 2) + "xx").statusCode(), "a guessed link");

        Document list = Jsoup.parse(editor.get("/quan-tri/quy-trinh/" + id + "/xem-truoc/lien-ket").body());
        assertTrue(list.select("ul.preview-link-lines").text().contains("Thứ trưởng phụ trách"));
        assertFalse(list.body().html().contains(path), "the secret is shown once, never again");
        long link = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.preview_links WHERE item_id = " + id);

        Browser betaEditor = portals.loggedIn(BETA, Staff.USERNAMES.get(Role.EDITOR), Staff.PASSWORD);
        HttpResponse<String> betaRevoke = betaEditor.postForm("/quan-tri/quy-trinh/" + id + "/xem-truoc/lien-ket/" + link + "/thu-hoi",
                Map.of("csrfToken", csrfToken(betaEditor.get("/quan-tri"))));
        assertEquals(200, portals.browser(ALPHA).get(path).statusCode(), "beta's staff cannot revoke alpha's link: " + betaRevoke.statusCode());
        assertEquals(404, betaEditor.get("/quan-tri/quy-trinh/" + id + "/xem-truoc/lien-ket").statusCode());

        assertEquals(303, editor.postForm("/quan-tri/quy-trinh/" + id + "/xem-truoc/lien-ket/" + link + "/thu-hoi",
                Map.of("csrfToken", csrfToken(editor.get("/quan-tri")))).statusCode());
        assertEquals(410, portals.browser(ALPHA).get(path).statusCode(), "revoked");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'preview_link.revoked'"));
    }

    @Test
    void aContributorMakesNoLinkAndATooLongValidityIsRefusedKeepingTheNote() {
        long id = draft("dong-gop", "Nội dung.");
        Browser contributor = portals.loggedIn(ALPHA, Staff.USERNAMES.get(Role.CONTRIBUTOR), Staff.PASSWORD);
        assertEquals(403, create(contributor, id, "3", "").statusCode());
        Browser editor = portals.loggedIn(ALPHA, Staff.USERNAMES.get(Role.EDITOR), Staff.PASSWORD);
        HttpResponse<String> refused = create(editor, id, "30", "Bộ trưởng");
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select(".field-error").text().contains("từ 1 đến 14 ngày"), page.select(".field-error").text());
        assertEquals("Bộ trưởng", page.selectFirst("input[name=note]").attr("value"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.preview_links WHERE item_id = " + id));
    }

    @Test
    void aLinkStopsWorkingWhenItExpires() {
        long id = draft("het-han", "Nội dung hết hạn.");
        Browser editor = portals.loggedIn(ALPHA, Staff.USERNAMES.get(Role.EDITOR), Staff.PASSWORD);
        String path = path(create(editor, id, "1", ""));
        assertEquals(200, portals.browser(ALPHA).get(path).statusCode());
        clock.advance(Duration.ofHours(25));
        assertEquals(410, portals.browser(ALPHA).get(path).statusCode());
    }
}
