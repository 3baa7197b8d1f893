package vn.cong.admin.consultations;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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
import vn.cong.content.consultations.ConsultationFields;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.content.consultations.Consultations;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/** Drafts for public consultation: the public sees whether comments are open now, in Vietnam time. */
@MicronautTest(transactional = false)
class ConsultationsTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";

    @Inject
    EmbeddedServer server;

    @Inject

    ApplicationContext context;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration accounts;
    @Inject
    Consultations consultations;
    @Inject
    Publishing publishing;

    private long openId;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        publish("du-thao-da-dong", "Dự thảo Thông tư đã hết hạn góp ý", now.minusDays(30), now.minusDays(1));
        openId = publish("du-thao-dang-mo", "Dự thảo Nghị định đang lấy ý kiến", now.minusDays(2), now.plusDays(28));
        publish("du-thao-sap-mo", "Dự thảo Quyết định sắp lấy ý kiến", now.plusDays(3), now.plusDays(33));
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private long publish(String slug, String title, OffsetDateTime opens, OffsetDateTime closes) {
        long id = consultations.save(tenant("alpha"),
                new Draft(null, 0, Consultations.KIND, null, "vi", slug, title, "", "<p>Nội dung dự thảo</p>", null, null, null, false, null),
                new ConsultationFields(opens, closes, "gopy@alpha.gov.vn", "Số 1 Phố Alpha, Hà Nội"), Map.of()).block().id();
        publishing.publish(tenant("alpha"), id, null).block();
        return id;
    }

    private Browser loggedIn(String host, String user, String password) {
        return portals.loggedIn(host, user, password);
    }

    @Test
    void windowDecidesWhetherCommentsAreOpen() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        OffsetDateTime opens = OffsetDateTime.parse("2026-12-01T17:00:00+07:00");
        OffsetDateTime closes = OffsetDateTime.parse("2026-12-31T17:00:00+07:00");
        assertEquals(ConsultationPhase.OPEN, ConsultationPhase.at(now, opens, closes), "17:00 in Vietnam is 10:00 UTC: open from that instant");
        assertEquals(ConsultationPhase.UPCOMING, ConsultationPhase.at(now.minusSeconds(1), opens, closes));
        assertEquals(ConsultationPhase.CLOSED, ConsultationPhase.at(closes.toInstant(), opens, closes), "the closing instant is already closed");
        assertEquals(ConsultationPhase.OPEN, ConsultationPhase.at(closes.toInstant().minus(Duration.ofSeconds(1)), opens, closes));
    }

    @Test
    void publicPagesSayWhetherCommentsAreOpenNow() {
        Browser reader = new Browser(server.getPort(), ALPHA);
        HttpResponse<String> open = reader.get("/du-thao/du-thao-dang-mo");
        assertEquals(200, open.statusCode());
        assertEquals("Đang lấy ý kiến", Jsoup.parse(open.body()).selectFirst(".status-badge").text());
        assertTrue(text(open).contains("mời cơ quan, tổ chức, cá nhân gửi góp ý"), text(open));
        assertTrue(text(open).contains("gopy@alpha.gov.vn"));
        HttpResponse<String> closed = reader.get("/du-thao/du-thao-da-dong");
        assertEquals("Đã hết hạn góp ý", Jsoup.parse(closed.body()).selectFirst(".status-badge").text());
        assertTrue(text(closed).contains("không trong thời gian lấy ý kiến"));
        assertEquals("Sắp lấy ý kiến", Jsoup.parse(reader.get("/du-thao/du-thao-sap-mo").body()).selectFirst(".status-badge").text());
        assertTrue(Jsoup.parse(open.body()).selectFirst("time").attr("datetime").endsWith("+07:00"), "times shown in Vietnam time");
    }

    @Test
    void listFiltersOpenAndClosedDrafts() {
        Browser reader = new Browser(server.getPort(), ALPHA);
        assertEquals(List.of("Dự thảo Nghị định đang lấy ý kiến"), titles(reader.get("/du-thao?tinh-trang=dang-lay-y-kien")));
        assertEquals(List.of("Dự thảo Thông tư đã hết hạn góp ý"), titles(reader.get("/du-thao?tinh-trang=da-ket-thuc")));
        assertEquals(3, titles(reader.get("/du-thao")).size());
        assertEquals("Dự thảo Nghị định đang lấy ý kiến", titles(reader.get("/du-thao")).get(0), "open drafts come first");
        assertEquals(404, reader.get("/du-thao?tinh-trang=khac").statusCode());
        assertEquals("Draft documents for public comment", Jsoup.parse(reader.get("/en/du-thao").body()).selectFirst("h1").text());
    }

    private static List<String> titles(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body()).select(".article-list .card-title a").eachText();
    }

    @Test
    void staffFormErrorsKeepWhatWasTyped() {
        Browser editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        Map<String, String> f = new HashMap<>();
        f.put("csrfToken", csrfToken(editor.get("/quan-tri/du-thao/moi")));
        f.put("title", "Dự thảo Luật sửa đổi");
        f.put("slug", "");
        f.put("language", "vi");
        f.put("summary", "Tóm tắt");
        f.put("body", "<p>Dự thảo</p>");
        f.put("opensAt", "2026-12-10T08:00");
        f.put("closesAt", "2026-12-01T08:00");
        f.put("commentEmail", "khong-phai-email");
        f.put("commentAddress", "");
        f.put("version", "0");
        HttpResponse<String> refused = editor.postForm("/quan-tri/du-thao", f);
        assertEquals(400, refused.statusCode(), refused.body());
        Document doc = Jsoup.parse(refused.body());
        assertEquals("Thời điểm kết thúc phải sau thời điểm bắt đầu.", doc.selectFirst("#loi-closesAt").text());
        assertTrue(doc.selectFirst("#loi-commentEmail").text().contains("khong-phai-email"));
        assertEquals("Dự thảo Luật sửa đổi", doc.selectFirst("input[name=title]").attr("value"));
        assertEquals("2026-12-10T08:00", doc.selectFirst("input[name=opensAt]").attr("value"));
        f.put("closesAt", "2027-01-10T08:00");
        f.put("commentEmail", "gopy@alpha.gov.vn");
        assertEquals(303, editor.postForm("/quan-tri/du-thao", f).statusCode());
    }

    @Test
    void anotherTenantNeverShowsOrEditsTheseDrafts() {
        Browser betaReader = new Browser(server.getPort(), BETA);
        assertEquals(404, betaReader.get("/du-thao/du-thao-dang-mo").statusCode());
        assertEquals(List.of(), titles(betaReader.get("/du-thao")));
        Browser betaEditor = loggedIn(BETA, "bientap", "BetaEditor2026!");
        assertEquals(404, betaEditor.get("/quan-tri/du-thao/" + openId).statusCode());
        String token = csrfToken(betaEditor.get("/quan-tri/du-thao/moi"));
        assertEquals(404, betaEditor.postForm("/quan-tri/du-thao/" + openId, Map.of("csrfToken", token, "title", "Bị sửa", "version", "2")).statusCode());
        assertEquals("Dự thảo Nghị định đang lấy ý kiến", consultations.editable(tenant("alpha"), openId).block().title());
    }
}
