package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVersions;
import vn.cong.workflow.Notifications;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.Staff;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.TakeForEditing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff home shows what waits for me, my drafts and the latest publications; notifications clear once their item moves on. */
@MicronautTest(transactional = false)
class DashboardTest extends PlatformTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;
    private static final String BETA = TwoPortals.BETA_HOST;

    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration accounts;
    @Inject
    Publishing publishing;
    @Inject
    SubmitItem submit;
    @Inject
    TakeForEditing take;
    @Inject
    ThemeVersions themes;
    @Inject
    Notifications notifications;

    private TwoPortals portals;
    private Staff staff;
    private long section;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        staff = Staff.create(accounts, portals.alpha());
        Staff.create(accounts, portals.beta());
        section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private Browser as(String host, Role role) {
        return portals.loggedIn(host, Staff.USERNAMES.get(role), Staff.PASSWORD);
    }

    private SavedItem draft(String slug, String title) {
        return publishing.saveDraft(portals.alpha(), Draft.article(section, "vi", slug, title, "", "<p>Nội dung.</p>",
                staff.get(Role.CONTRIBUTOR).id())).block();
    }

    private Outcome submitted(String slug, String title) {
        SavedItem d = draft(slug, title);
        return submit.submit(portals.alpha(), d.id(), d.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE)).block();
    }

    private static List<String> lines(Document page, String list) {
        return page.select("ul." + list + " li a").eachText();
    }

    @Test
    void theEditorSeesWhatWaitsTheContributorTheirDraftsAndEveryoneTheLatestPublications() {
        submitted("cho-bien-tap", "Tin chờ biên tập");
        draft("ban-nhap-dang-do", "Bản nháp đang dở");
        SavedItem published = draft("tin-moi-dang", "Tin mới đăng");
        publishing.publish(portals.alpha(), published.id(), staff.get(Role.EDITOR).id()).block();

        Document editor = Jsoup.parse(as(ALPHA, Role.EDITOR).get("/quan-tri").body());
        assertTrue(lines(editor, "waiting-lines").contains("Tin chờ biên tập"), editor.select(".dashboard").text());
        assertFalse(lines(editor, "waiting-lines").contains("Bản nháp đang dở"), "a draft not yet sent waits for nobody");
        assertTrue(lines(editor, "published-lines").contains("Tin mới đăng"));
        assertEquals("/bai-viet/tin-moi-dang", editor.select("ul.published-lines a").stream()
                .filter(a -> a.text().equals("Tin mới đăng")).findFirst().orElseThrow().attr("href"));

        Document contributor = Jsoup.parse(as(ALPHA, Role.CONTRIBUTOR).get("/quan-tri").body());
        assertTrue(lines(contributor, "draft-lines").contains("Bản nháp đang dở"), contributor.select(".dashboard").text());
        assertFalse(lines(contributor, "draft-lines").contains("Tin chờ biên tập"), "a submitted item is no longer a draft");

        Document beta = Jsoup.parse(as(BETA, Role.EDITOR).get("/quan-tri").body());
        assertFalse(beta.select(".dashboard").text().contains("Tin chờ biên tập"), "another tenant's staff see none of it");
        assertFalse(beta.select(".dashboard").text().contains("Tin mới đăng"));
    }

    @Test
    void theHeadSeesThemeVersionsWaitingForApproval() {
        long admin = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.accounts WHERE 'tenant_admin' = ANY (roles) ORDER BY id LIMIT 1");
        long version = themes.openDraft(portals.alpha(), admin, new ThemeSelection("default", Map.of(), List.of())).block().id();
        themes.submit(portals.alpha(), version, admin).block();

        Document head = Jsoup.parse(as(ALPHA, Role.HEAD).get("/quan-tri").body());
        assertEquals(List.of("/quan-tri/giao-dien/" + version), head.select("ul.waiting-lines li.theme-line a").eachAttr("href"));
        Document editor = Jsoup.parse(as(ALPHA, Role.EDITOR).get("/quan-tri").body());
        assertTrue(editor.select("li.theme-line").isEmpty(), "only the head approves the look");
    }

    @Test
    void aNotificationStopsBeingNewOnceItsItemHasMovedOn() {
        Outcome sent = submitted("thong-bao-cu", "Tin có thông báo");
        long editor = staff.get(Role.EDITOR).id();
        assertTrue(unreadAbout(editor, sent.itemId()), "the editor is told the item reached them");
        long before = notifications.unreadCount(portals.alpha(), editor).block();

        take.take(portals.alpha(), sent.itemId(), sent.version(), new vn.cong.workflow.Actor(accounts.create(portals.alpha(), 1,
                new AccountDetails("bientap2", "bientap2@alpha.vn", "Biên Tập Hai", "Ban biên tập", "", ""), Set.of(Role.EDITOR),
                "BienTapHai2026!x").block().accountId(), "Biên Tập Hai", Set.of(Role.EDITOR))).block();

        assertFalse(unreadAbout(editor, sent.itemId()), "another editor took it: nothing is asked of this one any more");
        assertEquals(before - 1, notifications.unreadCount(portals.alpha(), editor).block());
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications WHERE account_id = " + editor
                + " AND item_id = " + sent.itemId() + " AND read_at IS NULL"), "it was not marked read: it is simply no longer new");
    }

    private boolean unreadAbout(long account, long itemId) {
        return notifications.latest(portals.alpha(), account).block().stream()
                .anyMatch(n -> n.itemId() != null && n.itemId() == itemId && !n.read());
    }
}
