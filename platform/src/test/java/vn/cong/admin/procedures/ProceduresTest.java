package vn.cong.admin.procedures;

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
import vn.cong.content.procedures.ProcedureFields;
import vn.cong.content.procedures.Procedures;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/** Administrative procedures and online public services: filtered by level, field and unit; each with its link and requirements. */
@MicronautTest(transactional = false)
class ProceduresTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";
    private static final String IP = "Sở hữu trí tuệ";
    private static final String STANDARDS = "Tiêu chuẩn đo lường chất lượng";

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
    Procedures procedures;
    @Inject
    Publishing publishing;

    private long patentId;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        patentId = publish("dang-ky-sang-che", "Đăng ký sáng chế", 4, IP, "Cục Sở hữu trí tuệ", "https://dichvucong.gov.vn/sang-che");
        publish("dang-ky-nhan-hieu", "Đăng ký nhãn hiệu", 3, IP, "Cục Sở hữu trí tuệ", "https://dichvucong.gov.vn/nhan-hieu");
        publish("cap-dau-dinh-luong", "Cấp dấu định lượng", 2, STANDARDS, "Tổng cục Tiêu chuẩn", "");
        publish("chung-nhan-hop-chuan", "Chứng nhận hợp chuẩn", 3, STANDARDS, "Tổng cục Tiêu chuẩn", "https://dichvucong.gov.vn/hop-chuan");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private long publish(String slug, String title, int level, String field, String unit, String url) {
        long id = procedures.save(tenant("alpha"),
                new Draft(null, 0, Procedures.KIND, null, "vi", slug, title, "", "<p>Trình tự thực hiện</p>", null, null, null, false, null),
                new ProcedureFields(level, url, field, unit, "15 ngày làm việc", "Theo quy định", "Tờ khai\nBản mô tả"), Map.of()).block().id();
        publishing.publish(tenant("alpha"), id, null).block();
        return id;
    }

    private List<String> listed(String host, String path) {
        HttpResponse<String> page = new Browser(server.getPort(), host).get(path);
        assertEquals(200, page.statusCode(), path + "\n" + page.body());
        return Jsoup.parse(page.body()).select(".procedures-table tbody th[scope=row] a").eachText();
    }

    @Test
    void levelFilterReturnsExactlyTheProceduresOfThatLevel() {
        assertEquals(List.of("Đăng ký sáng chế"), listed(ALPHA, "/thu-tuc?muc-do=4"));
        assertEquals(List.of("Đăng ký nhãn hiệu", "Chứng nhận hợp chuẩn"), listed(ALPHA, "/thu-tuc?muc-do=3"));
        assertEquals(List.of("Cấp dấu định lượng"), listed(ALPHA, "/thu-tuc?muc-do=2"));
        assertEquals(404, new Browser(server.getPort(), ALPHA).get("/thu-tuc?muc-do=5").statusCode());
    }

    @Test
    void fieldAndUnitFiltersCombineWithTheLevel() {
        assertEquals(List.of("Đăng ký nhãn hiệu", "Đăng ký sáng chế"), listed(ALPHA, "/thu-tuc?linh-vuc=" + IP.replace(" ", "%20")));
        assertEquals(List.of("Chứng nhận hợp chuẩn"), listed(ALPHA, "/thu-tuc?muc-do=3&don-vi=" + "Tổng cục Tiêu chuẩn".replace(" ", "%20")));
        assertEquals(4, listed(ALPHA, "/thu-tuc").size());
        assertEquals(404, new Browser(server.getPort(), ALPHA).get("/thu-tuc?don-vi=Kh%C3%B4ng%20c%C3%B3").statusCode());
    }

    @Test
    void procedurePageLinksToTheOnlineService() {
        HttpResponse<String> page = new Browser(server.getPort(), ALPHA).get("/thu-tuc/dang-ky-sang-che");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertEquals("https://dichvucong.gov.vn/sang-che", doc.selectFirst("a.button").attr("href"));
        assertTrue(text(page).contains("Mức độ 4"));
        assertTrue(text(page).contains("15 ngày làm việc"));
        assertTrue(text(page).contains("Tờ khai"));
        assertEquals("Administrative procedures", Jsoup.parse(new Browser(server.getPort(), ALPHA).get("/en/thu-tuc").body()).selectFirst("h1").text());
    }

    @Test
    void staffFormRefusesALevelThreeServiceWithoutALinkAndKeepsInput() {
        Browser editor = new Browser(server.getPort(), ALPHA);
        logInOk(editor, "bientap", "BienTap2026!x");
        Map<String, String> f = new HashMap<>();
        f.put("csrfToken", csrfToken(editor.get("/quan-tri/thu-tuc/moi")));
        f.put("title", "Cấp giấy phép tiến hành công việc bức xạ");
        f.put("slug", "");
        f.put("language", "vi");
        f.put("summary", "");
        f.put("body", "");
        f.put("serviceLevel", "3");
        f.put("onlineUrl", "");
        f.put("field", "An toàn bức xạ");
        f.put("unit", "");
        f.put("processingTime", "20 ngày");
        f.put("fees", "");
        f.put("requiredDocuments", "Đơn đề nghị");
        f.put("version", "0");
        HttpResponse<String> refused = editor.postForm("/quan-tri/thu-tuc", f);
        assertEquals(400, refused.statusCode(), refused.body());
        Document doc = Jsoup.parse(refused.body());
        assertEquals("Dịch vụ công mức độ 3 và 4 cần liên kết đến nơi nộp hồ sơ trực tuyến.", doc.selectFirst("#loi-onlineUrl").text());
        assertEquals("Vui lòng nhập đơn vị thực hiện.", doc.selectFirst("#loi-unit").text());
        assertEquals("An toàn bức xạ", doc.selectFirst("input[name=field]").attr("value"));
        assertEquals("3", doc.selectFirst("select[name=serviceLevel] option[selected]").attr("value"));
        assertEquals("Đơn đề nghị", doc.selectFirst("textarea[name=requiredDocuments]").text());
    }

    @Test
    void anotherTenantNeverShowsOrEditsTheseProcedures() {
        assertEquals(List.of(), listed(BETA, "/thu-tuc"));
        assertEquals(404, new Browser(server.getPort(), BETA).get("/thu-tuc/dang-ky-sang-che").statusCode());
        Browser betaEditor = new Browser(server.getPort(), BETA);
        logInOk(betaEditor, "bientap", "BetaEditor2026!");
        assertEquals(404, betaEditor.get("/quan-tri/thu-tuc/" + patentId).statusCode());
        String token = csrfToken(betaEditor.get("/quan-tri/thu-tuc/moi"));
        assertEquals(404, betaEditor.postForm("/quan-tri/thu-tuc/" + patentId + "/dang", Map.of("csrfToken", token)).statusCode());
        assertEquals("Đăng ký sáng chế", procedures.editable(tenant("alpha"), patentId).block().title());
    }
}
