package vn.cong.site.questions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.engagement.DayReading;
import vn.cong.engagement.PublicFormSettings;
import vn.cong.engagement.QuestionDesk;
import vn.cong.engagement.Unit;
import vn.cong.engagement.Units;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * Questions and answers end to end over HTTP on the test portals: asking (vi and /en), e-mail confirmation and its
 * expiry, rate limits and the honeypot, the desk forwarding to units, units answering, publishing, the status page,
 * withdrawal and erasure, personal data shown only to the desk and the forwarded units, tenant isolation.
 */
@MicronautTest(transactional = false)
class QuestionsTest extends PlatformTestSupport {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(/(?:en/)?hoi-dap/xac-nhan/[A-Za-z0-9_-]+)");
    private static final String DESK = "tiepnhan";
    private static final String DESK_PASSWORD = "TiepNhanHoiDap2026!";
    private static final String UNIT_STAFF = "donvi";
    private static final String UNIT_PASSWORD = "CanBoDonVi2026!x";
    private static final String APPROVER = "pheduyet";
    private static final String APPROVER_PASSWORD = "PheDuyetHoiDap2026!";

    final MutableClock clock = MutableClock.startingNow();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject ApplicationContext context;
    @Inject Units units;
    @Inject AccountAdministration accounts;
    @Inject Outbox outbox;
    @Inject MailOutbox mail;
    @Inject PublicFormSettings settings;
    @Inject QuestionDesk desk;

    private TwoPortals portals;
    private long planning;
    private long legal;
    private int addresses;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "127.0.0.1");
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        accounts.create(alpha, 1, new AccountDetails(DESK, "tiepnhan@alpha.vn", "Thư ký Ban biên tập", "Văn phòng Cục", "", ""),
                Set.of(Role.QA_DESK), DESK_PASSWORD).block();
        accounts.create(alpha, 1, new AccountDetails(UNIT_STAFF, "donvi@alpha.vn", "Cán bộ Kế hoạch", "Phòng Kế hoạch", "", ""),
                Set.of(Role.CONTRIBUTOR), UNIT_PASSWORD).block();
        accounts.create(alpha, 1, new AccountDetails(APPROVER, "pheduyet@alpha.vn", "Thành viên Ban biên tập", "Văn phòng Cục", "", ""),
                Set.of(Role.APPROVER), APPROVER_PASSWORD).block();
        planning = units.save(alpha, Unit.named("Phòng Kế hoạch")).block();
        legal = units.save(alpha, Unit.named("Phòng Pháp chế")).block();
    }

    /** A browser on {@code host} from an address of its own, so the per-address limit of one test does not reach another's. */
    private Browser citizen(String host) {
        Browser b = portals.browser(host);
        return b;
    }

    private Map<String, String> headersFrom(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    private String newAddress() {
        return "203.0.113." + (++addresses);
    }

    private static Map<String, String> question(String email, String title) {
        Map<String, String> f = new HashMap<>();
        f.put("name", "Nguyễn Thị Hỏi");
        f.put("email", email);
        f.put("phone", "0912 345 678");
        f.put("address", "12 Lê Lợi, Hải Phòng");
        f.put("topic", "thu-tuc-hanh-chinh");
        f.put("unit", "");
        f.put("title", title);
        f.put("body", "Xin hỏi hồ sơ đề nghị cấp phép gồm những giấy tờ gì?\nXin cảm ơn.");
        f.put("consent", "on");
        f.put("website", "");
        return f;
    }

    private String ask(Browser b, String lang, Map<String, String> form, String address) {
        HttpResponse<String> sent = b.postForm(("en".equals(lang) ? "/en" : "") + "/hoi-dap/gui", form, headersFrom(address));
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("ma=") + 3);
    }

    private String confirmationLink(Tenant tenant, String to) {
        List<MailMessage> found = outbox.messages(tenant).block().stream().filter(m -> MailOutbox.KIND.equals(m.kind()))
                .map(m -> mail.mail(tenant, m).block()).filter(m -> m.to().contains(to) && m.subject().toLowerCase().contains("xác nhận")
                        || m.to().contains(to) && m.subject().startsWith("Please confirm")).toList();
        assertFalse(found.isEmpty(), "a confirmation e-mail went to " + to);
        Matcher m = CONFIRM_LINK.matcher(found.get(found.size() - 1).text());
        assertTrue(m.find(), found.get(found.size() - 1).text());
        return m.group(1);
    }

    private long questionId(Tenant tenant, String code) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_" + tenant.code() + ".questions WHERE tracking_code = '" + code + "'");
    }

    private String askAndConfirm(String email, String title) {
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        String code = ask(b, "vi", question(email, title), newAddress());
        String link = confirmationLink(portals.alpha(), email);
        assertEquals(200, b.get(link).statusCode());
        assertEquals(200, b.postForm(link, Map.of()).statusCode());
        return code;
    }

    @Test
    void aQuestionWaitsForItsConfirmedAddressThenReachesTheDesk() {
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        HttpResponse<String> form = b.get("/hoi-dap/gui");
        assertEquals(200, form.statusCode());
        assertTrue(form.headers().allValues("Set-Cookie").isEmpty(), "the public form opens no session");
        String code = ask(b, "vi", question("hoi1@example.vn", "Hồ sơ cấp phép gồm những gì?"), newAddress());
        assertTrue(code.matches("HD-[A-Z2-9]{10}"), code);
        assertTrue(text(b.get("/hoi-dap/tra-cuu?ma=" + code)).contains("Chờ xác nhận địa chỉ thư điện tử"));

        String link = confirmationLink(portals.alpha(), "hoi1@example.vn");
        assertEquals(200, b.get(link).statusCode(), "opening the link changes nothing yet");
        assertTrue(text(b.get("/hoi-dap/tra-cuu?ma=" + code)).contains("Chờ xác nhận"));
        HttpResponse<String> confirmed = b.postForm(link, Map.of());
        assertEquals(200, confirmed.statusCode());
        assertTrue(text(confirmed).contains("Đã xác nhận"), text(confirmed));
        assertTrue(text(b.get("/hoi-dap/tra-cuu?ma=" + code)).contains("Đã tiếp nhận"));
        assertTrue(text(b.postForm(link, Map.of())).contains("đã được xác nhận trước đó"));
        long deskId = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.accounts WHERE username = '" + DESK + "'");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications WHERE account_id = " + deskId
                + " AND message LIKE '%Hồ sơ cấp phép gồm những gì?%'"), "the desk is notified");
    }

    @Test
    void aConfirmationLinkExpiresAfterADay() {
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        String code = ask(b, "vi", question("hethan@example.vn", "Câu hỏi để quá hạn xác nhận"), newAddress());
        String link = confirmationLink(portals.alpha(), "hethan@example.vn");
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        HttpResponse<String> late = b.postForm(link, Map.of());
        assertEquals(410, late.statusCode());
        assertTrue(text(late).contains("đã hết hạn"));
        assertTrue(text(b.get("/hoi-dap/tra-cuu?ma=" + code)).contains("Chờ xác nhận"), "never entered the queue");
    }

    @Test
    void theRateLimitPerAddressRefusesWithTheTimeToWaitAndKeepsWhatWasTyped() {
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        String address = newAddress();
        for (int i = 1; i <= 3; i++) {
            ask(b, "vi", question("gioihan" + i + "@example.vn", "Câu hỏi số " + i), address);
        }
        HttpResponse<String> fourth = b.postForm("/hoi-dap/gui", question("gioihan4@example.vn", "Câu hỏi thứ tư"), headersFrom(address));
        assertEquals(429, fourth.statusCode());
        Document doc = Jsoup.parse(fourth.body());
        assertTrue(doc.selectFirst("#loi-bieu-mau").text().matches(".*gửi lại sau (10|9|8) phút.*"), doc.selectFirst("#loi-bieu-mau").text());
        assertEquals("Câu hỏi thứ tư", doc.selectFirst("#title").attr("value"), "the form keeps what was typed");
        assertTrue(doc.selectFirst("#body").text().contains("Xin hỏi hồ sơ"));
        assertEquals("private, no-store", fourth.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(303, b.postForm("/hoi-dap/gui", question("khac@example.vn", "Từ địa chỉ khác"), headersFrom(newAddress())).statusCode(),
                "another address is not limited");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertEquals(303, b.postForm("/hoi-dap/gui", question("gioihan4@example.vn", "Câu hỏi thứ tư"), headersFrom(address)).statusCode(),
                "ten minutes later the address may post again");
    }

    @Test
    void theRateLimitPerEmailFollowsTheTenantSettings() {
        Tenant alpha = portals.alpha();
        var before = settings.of(alpha).block();
        try {
            settings.save(alpha, new PublicFormSettings.Settings(100, Duration.ofMinutes(10), 2, Duration.ofHours(24), true, 24, DayReading.WORKING)).block();
            Browser b = citizen(TwoPortals.ALPHA_HOST);
            ask(b, "vi", question("motthu@example.vn", "Một"), newAddress());
            ask(b, "vi", question("MotThu@example.vn", "Hai"), newAddress());
            HttpResponse<String> third = b.postForm("/hoi-dap/gui", question("motthu@example.vn", "Ba"), headersFrom(newAddress()));
            assertEquals(429, third.statusCode());
            assertTrue(Jsoup.parse(third.body()).selectFirst("#loi-bieu-mau").text().contains("Địa chỉ thư điện tử này đã gửi quá nhiều lần"));
        } finally {
            settings.save(alpha, before).block();
        }
    }

    @Test
    void theHoneypotAndBadInputAreRefusedWithoutStoringAnything() {
        long before = SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.questions");
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        Map<String, String> robot = question("robot@example.vn", "Mua thuốc giá rẻ");
        robot.put("website", "http://spam.example");
        assertEquals(400, b.postForm("/hoi-dap/gui", robot, headersFrom(newAddress())).statusCode());

        Map<String, String> bad = question("khong-phai-thu", "");
        bad.remove("consent");
        bad.put("phone", "");
        bad.put("address", "");
        bad.put("body", "x".repeat(5001));
        HttpResponse<String> refused = b.postForm("/hoi-dap/gui", bad, headersFrom(newAddress()));
        assertEquals(400, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        for (String field : List.of("email", "phone", "title", "body", "consent")) {
            assertNotNull(doc.selectFirst("#loi-" + field), field + " is marked");
        }
        assertEquals("khong-phai-thu", doc.selectFirst("#email").attr("value"));
        assertTrue(doc.selectFirst("#loi-body").text().contains("5001"));
        assertEquals(403, b.postForm("/hoi-dap/gui", question("a@example.vn", "Từ trang khác"),
                Map.of("Origin", "http://evil.example", "X-Forwarded-For", newAddress())).statusCode(), "a form posted from another site is refused");
        assertEquals(before, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.questions"));
    }

    @Test
    void theEnglishFormAsksInEnglish() {
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        Document form = Jsoup.parse(b.get("/en/hoi-dap/gui").body());
        assertEquals("Ask a question", form.selectFirst("h1").text());
        assertEquals("en", form.selectFirst("html").attr("lang"));
        Map<String, String> bad = question("x@example.vn", "");
        HttpResponse<String> refused = b.postForm("/en/hoi-dap/gui", bad, headersFrom(newAddress()));
        assertEquals("Please give your question a title.", Jsoup.parse(refused.body()).selectFirst("#loi-title").text());
        String code = ask(b, "en", question("english@example.vn", "Licence documents"), newAddress());
        String link = confirmationLink(portals.alpha(), "english@example.vn");
        assertTrue(link.startsWith("/en/"), link);
        assertTrue(text(b.get("/en/hoi-dap/tra-cuu?ma=" + code)).contains("Waiting for the e-mail address to be confirmed"));
    }

    @Test
    void theDeskForwardsUnitsAnswerAndTheAnswerIsPublishedUnderTheUnitsName() {
        Tenant alpha = portals.alpha();
        String code = askAndConfirm("traloi@example.vn", "Thời hạn nộp báo cáo năm là khi nào?");
        long id = questionId(alpha, code);
        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        assertTrue(text(deskBrowser.get("/quan-tri/hoi-dap")).contains("Thời hạn nộp báo cáo năm là khi nào?"));
        String page = "/quan-tri/hoi-dap/" + id;
        HttpResponse<String> detail = deskBrowser.get(page);
        assertEquals("traloi@example.vn", Jsoup.parse(detail.body()).selectFirst(".asker-email").text(), "the desk sees the e-mail");
        assertEquals(303, deskBrowser.postForm(page + "/chuyen", Map.of("csrfToken", csrfToken(detail), "units", String.valueOf(planning))).statusCode());

        Browser unitBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, UNIT_STAFF, UNIT_PASSWORD);
        HttpResponse<String> unitView = unitBrowser.get(page);
        assertEquals(200, unitView.statusCode());
        assertEquals("0912 345 678", Jsoup.parse(unitView.body()).selectFirst(".asker-phone").text(), "the forwarded unit's staff see it too");
        assertEquals(303, unitBrowser.postForm(page + "/tra-loi", Map.of("csrfToken", csrfToken(unitView), "unit", String.valueOf(planning),
                "answer", "<p>Hạn nộp là ngày <strong>15/01</strong> hằng năm.</p><script>alert(1)</script>")).statusCode());
        assertTrue(text(deskBrowser.get(page)).contains("Đã có trả lời, chờ đăng"));
        HttpResponse<String> answered = deskBrowser.get(page);
        assertEquals(303, deskBrowser.postForm(page + "/dang", Map.of("csrfToken", csrfToken(answered), "sensitivity", "sensitive",
                "phone", "024 3943 1006", "answer", Jsoup.parse(answered.body()).selectFirst("#answer").text())).statusCode());

        // the answer goes through the tenant's approval policy like any item (MOST's board model: a sensitive item needs level 1)
        assertEquals("approving", SqlProbe.string(this::jdbc, "SELECT status FROM t_alpha.questions WHERE id = " + id));
        long item = SqlProbe.number(this::jdbc, "SELECT answer_item_id FROM t_alpha.questions WHERE id = " + id);
        assertEquals(404, citizen(TwoPortals.ALPHA_HOST).get("/hoi-dap/" + id).statusCode(), "not public before it is approved and published");
        assertTrue(answerMails(alpha, "traloi@example.vn").isEmpty(), "nor e-mailed");
        Browser editor = portals.editor(alpha);
        assertTrue(text(editor.get("/quan-tri/quy-trinh")).contains("Thời hạn nộp báo cáo năm là khi nào?"), "in the editors' queue");
        workflowStep(editor, item, "nhan", Map.of());
        workflowStep(editor, item, "trinh", Map.of("comment", "Kính trình duyệt câu trả lời."));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = '" + APPROVER + "' AND n.item_id = " + item + " AND n.message LIKE '%chờ bạn duyệt%'"), "the approver is told");
        Browser approver = portals.loggedIn(TwoPortals.ALPHA_HOST, APPROVER, APPROVER_PASSWORD);
        HttpResponse<String> toQuestion = approver.get("/quan-tri/tra-loi-duyet/" + item);
        assertEquals(303, toQuestion.statusCode());
        assertEquals(page, toQuestion.headers().firstValue("Location").orElseThrow(), "the workflow's content link leads to the question");
        HttpResponse<String> reading = approver.get(page);
        assertEquals("15/01", Jsoup.parse(reading.body()).selectFirst(".answer-in-approval strong").text(), "the approver reads the answer");
        assertFalse(reading.body().contains("traloi@example.vn"), "but not the asker's personal data");
        assertEquals(403, approver.postForm(page + "/dang", Map.of("csrfToken", csrfToken(reading), "answer", "x")).statusCode());
        workflowStep(approver, item, "duyet", Map.of("comment", "Đồng ý."));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.workflow_tasks t JOIN t_alpha.workflow_runs r ON r.id = t.run_id"
                + " JOIN t_alpha.accounts a ON a.id = t.finished_by WHERE r.item_id = " + item + " AND t.status = 'approved' AND a.username = '" + APPROVER + "'"),
                "the approval task is recorded");
        assertEquals(404, citizen(TwoPortals.ALPHA_HOST).get("/hoi-dap/" + id).statusCode(), "approved is not yet published");
        workflowStep(editor, item, "dang", Map.of());
        assertEquals("send,approve,publish", SqlProbe.string(this::jdbc, "SELECT string_agg(action, ',' ORDER BY chain_seq) FROM t_alpha.content_events"
                + " WHERE item_id = " + item + " AND action IN ('send', 'approve', 'publish')"), "in the audit chain like an article");

        Browser reader = citizen(TwoPortals.ALPHA_HOST);
        HttpResponse<String> published = reader.get("/hoi-dap/" + id);
        assertEquals(200, published.statusCode());
        Document doc = Jsoup.parse(published.body());
        assertEquals("Phòng Kế hoạch", doc.selectFirst(".answer-unit").text(), "the public answer names the unit that answered");
        assertEquals("15/01", doc.selectFirst(".qa-answer .prose strong").text());
        assertFalse(published.body().contains("alert(1)"), "sanitised");
        assertFalse(published.body().contains("traloi@example.vn") || published.body().contains("0912 345 678")
                || published.body().contains("Lê Lợi"), "personal data never shown publicly");
        assertTrue(text(reader.get("/hoi-dap")).contains("Thời hạn nộp báo cáo năm là khi nào?"));
        assertTrue(text(reader.get("/hoi-dap?don-vi=" + planning)).contains("Thời hạn nộp báo cáo năm là khi nào?"), "browsable by unit");
        assertFalse(text(reader.get("/hoi-dap?don-vi=" + legal)).contains("Thời hạn nộp báo cáo năm là khi nào?"));
        assertTrue(text(reader.get("/hoi-dap?chu-de=thu-tuc-hanh-chinh")).contains("Thời hạn nộp báo cáo năm là khi nào?"), "and by topic");
        assertTrue(text(reader.get("/hoi-dap/tra-cuu?ma=" + code)).contains("Đã trả lời"));

        List<MailMessage> toAsker = answerMails(alpha, "traloi@example.vn");
        assertEquals(1, toAsker.size(), "the answer is e-mailed to the asker");
        assertTrue(toAsker.get(0).text().contains("Hạn nộp là ngày 15/01 hằng năm."), toAsker.get(0).text());
        assertTrue(toAsker.get(0).text().contains("/hoi-dap/" + id));
    }

    private List<MailMessage> answerMails(Tenant tenant, String to) {
        return outbox.messages(tenant).block().stream().filter(m -> MailOutbox.KIND.equals(m.kind()))
                .map(m -> mail.mail(tenant, m).block()).filter(m -> m.to().contains(to) && m.subject().startsWith("Trả lời")).toList();
    }

    /** Takes a step of the approval workflow on {@code item} from its page, as the staff member's browser does. */
    private void workflowStep(Browser staff, long item, String step, Map<String, String> fields) {
        HttpResponse<String> itemPage = staff.get("/quan-tri/quy-trinh/" + item);
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(itemPage));
        form.put("version", String.valueOf(SqlProbe.number(this::jdbc, "SELECT version FROM t_alpha.content_items WHERE id = " + item)));
        HttpResponse<String> done = staff.postForm("/quan-tri/quy-trinh/" + item + "/buoc/" + step, form);
        assertEquals(303, done.statusCode(), step + ": " + text(done));
    }

    /** Answers question {@code id} through planning and sends the answer for approval; the answer's workflow item. */
    private long answeredAndSentForApproval(long id, String answer) {
        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        String page = "/quan-tri/hoi-dap/" + id;
        assertEquals(303, deskBrowser.postForm(page + "/chuyen", Map.of("csrfToken", csrfToken(deskBrowser.get(page)),
                "units", String.valueOf(planning))).statusCode());
        assertEquals(303, deskBrowser.postForm(page + "/tra-loi", Map.of("csrfToken", csrfToken(deskBrowser.get(page)),
                "unit", String.valueOf(planning), "answer", answer)).statusCode());
        assertEquals(303, deskBrowser.postForm(page + "/dang", Map.of("csrfToken", csrfToken(deskBrowser.get(page)), "answer", answer,
                "sensitivity", "sensitive", "phone", "024 3943 1006")).statusCode());
        return SqlProbe.number(this::jdbc, "SELECT answer_item_id FROM t_alpha.questions WHERE id = " + id);
    }

    @Test
    void anAnswerRejectedByAnApproverGoesBackToTheDeskAndTheUnitWithTheReason() {
        Tenant alpha = portals.alpha();
        long id = questionId(alpha, askAndConfirm("tuchoi@example.vn", "Câu trả lời sẽ bị từ chối"));
        long item = answeredAndSentForApproval(id, "<p>Trả lời chưa đúng quy định.</p>");
        Browser editor = portals.editor(alpha);
        workflowStep(editor, item, "nhan", Map.of());
        workflowStep(editor, item, "trinh", Map.of());
        workflowStep(portals.loggedIn(TwoPortals.ALPHA_HOST, APPROVER, APPROVER_PASSWORD), item, "tu-choi",
                Map.of("reason", "unverified", "text", "Viện dẫn văn bản đã hết hiệu lực."));
        assertEquals("answered", SqlProbe.string(this::jdbc, "SELECT status FROM t_alpha.questions WHERE id = " + id), "back with the desk");
        assertTrue(SqlProbe.string(this::jdbc, "SELECT note FROM t_alpha.question_events WHERE question_id = " + id + " AND action = 'approval-rejected'")
                .contains("Viện dẫn văn bản đã hết hiệu lực."), "the reason is on the question's history");
        for (String who : List.of(DESK, UNIT_STAFF)) {
            assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                    + " WHERE a.username = '" + who + "' AND n.message LIKE '%bị từ chối khi duyệt%Viện dẫn văn bản đã hết hiệu lực.%Câu trả lời sẽ bị từ chối%'"),
                    who + " is told why");
        }
        assertEquals(404, citizen(TwoPortals.ALPHA_HOST).get("/hoi-dap/" + id).statusCode());
        assertTrue(answerMails(alpha, "tuchoi@example.vn").isEmpty(), "nothing went to the asker");
        long again = answeredAgain(id);
        assertTrue(again != item, "the desk sends a corrected answer: a new run through the policy");
    }

    private long answeredAgain(long id) {
        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        String page = "/quan-tri/hoi-dap/" + id;
        assertEquals(303, deskBrowser.postForm(page + "/dang", Map.of("csrfToken", csrfToken(deskBrowser.get(page)),
                "answer", "<p>Trả lời đã sửa theo văn bản hiện hành.</p>", "phone", "024 3943 1006")).statusCode());
        assertEquals("approving", SqlProbe.string(this::jdbc, "SELECT status FROM t_alpha.questions WHERE id = " + id));
        return SqlProbe.number(this::jdbc, "SELECT answer_item_id FROM t_alpha.questions WHERE id = " + id);
    }

    @Test
    void aQuestionSentBackForMoreInformationIsTakenInAgainWithTheAskersReply() {
        Tenant alpha = portals.alpha();
        String code = askAndConfirm("bosung@example.vn", "Thủ tục gia hạn giấy phép");
        long id = questionId(alpha, code);
        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        String page = "/quan-tri/hoi-dap/" + id;
        assertEquals(303, deskBrowser.postForm(page + "/gui-lai", Map.of("csrfToken", csrfToken(deskBrowser.get(page)),
                "note", "Xin cho biết số và ngày cấp giấy phép hiện có.")).statusCode());
        MailMessage asked = outbox.messages(alpha).block().stream().filter(m -> MailOutbox.KIND.equals(m.kind())).map(m -> mail.mail(alpha, m).block())
                .filter(m -> m.to().contains("bosung@example.vn") && m.subject().startsWith("Đề nghị bổ sung")).findFirst().orElseThrow();
        assertTrue(asked.text().contains("/hoi-dap/tra-cuu?ma=" + code), "the e-mail leads to the status page: " + asked.text());
        Browser asker = citizen(TwoPortals.ALPHA_HOST);
        Document status = Jsoup.parse(asker.get("/hoi-dap/tra-cuu?ma=" + code).body());
        assertNotNull(status.selectFirst("form[action=/hoi-dap/bo-sung]"), "the status page carries the reply form");
        assertEquals(404, asker.postForm("/hoi-dap/bo-sung", Map.of("code", code, "email", "nguoikhac@example.vn", "text", "Số 12/GP"),
                headersFrom(newAddress())).statusCode(), "another address cannot reply");
        assertEquals(400, asker.postForm("/hoi-dap/bo-sung", Map.of("code", code, "email", "bosung@example.vn", "text", "  "),
                headersFrom(newAddress())).statusCode());
        HttpResponse<String> replied = asker.postForm("/hoi-dap/bo-sung", Map.of("code", code, "email", "BOSUNG@example.vn",
                "text", "Giấy phép số 12/GP-BKHCN cấp ngày 05/3/2024."), headersFrom(newAddress()));
        assertEquals(200, replied.statusCode());
        assertTrue(text(replied).contains("Đã nhận thông tin bổ sung"));
        assertTrue(text(replied).contains("Đã tiếp nhận"), "taken in again");
        assertTrue(SqlProbe.string(this::jdbc, "SELECT body FROM t_alpha.questions WHERE id = " + id)
                .endsWith("Bổ sung: Giấy phép số 12/GP-BKHCN cấp ngày 05/3/2024."), "the reply is added to the question");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = '" + DESK + "' AND n.message LIKE 'Người hỏi đã bổ sung thông tin%Thủ tục gia hạn giấy phép%'"), "the desk is told");
        assertEquals(404, asker.postForm("/hoi-dap/bo-sung", Map.of("code", code, "email", "bosung@example.vn", "text", "Lần hai"),
                headersFrom(newAddress())).statusCode(), "only a question waiting for more information takes a reply");
        assertEquals(404, citizen(TwoPortals.BETA_HOST).postForm("/hoi-dap/bo-sung", Map.of("code", code, "email", "bosung@example.vn",
                "text", "Từ cổng khác"), headersFrom(newAddress())).statusCode(), "nor from another tenant");
    }

    @Test
    void theDeskMergesADuplicateIntoTheQuestionOnTheSameMatter() {
        Tenant alpha = portals.alpha();
        long kept = questionId(alpha, askAndConfirm("goc@example.vn", "Hồ sơ đăng ký kết quả nhiệm vụ gồm những gì?"));
        String duplicateCode = askAndConfirm("trung@example.vn", "Xin hỏi hồ sơ đăng ký kết quả nhiệm vụ gồm giấy tờ nào?");
        long duplicate = questionId(alpha, duplicateCode);
        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        String page = "/quan-tri/hoi-dap/" + duplicate;
        assertEquals(409, deskBrowser.postForm(page + "/gop", Map.of("csrfToken", csrfToken(deskBrowser.get(page)), "into", String.valueOf(duplicate)))
                .statusCode(), "not into itself");
        Browser unitStaff = portals.loggedIn(TwoPortals.ALPHA_HOST, UNIT_STAFF, UNIT_PASSWORD);
        assertEquals(403, unitStaff.postForm(page + "/gop", Map.of("csrfToken", csrfToken(unitStaff.get(page)), "into", String.valueOf(kept)))
                .statusCode(), "only the desk merges");
        assertEquals(303, deskBrowser.postForm(page + "/gop", Map.of("csrfToken", csrfToken(deskBrowser.get(page)), "into", String.valueOf(kept)))
                .statusCode());
        assertEquals("merged " + kept, SqlProbe.string(this::jdbc, "SELECT status || ' ' || merged_into FROM t_alpha.questions WHERE id = " + duplicate));
        assertTrue(text(citizen(TwoPortals.ALPHA_HOST).get("/hoi-dap/tra-cuu?ma=" + duplicateCode)).contains("Đã gộp với câu hỏi trùng nội dung"),
                "the asker reads that it was merged");
        assertFalse(text(deskBrowser.get("/quan-tri/quy-trinh/theo-doi")).contains("Xin hỏi hồ sơ đăng ký kết quả nhiệm vụ gồm giấy tờ nào?"),
                "a merged question has no deadline left");
        Browser betaEditor = portals.editor(portals.beta());
        assertEquals(404, betaEditor.postForm("/quan-tri/hoi-dap/" + kept + "/gop", Map.of("csrfToken", csrfToken(betaEditor.get("/quan-tri/hoi-dap")),
                "into", String.valueOf(duplicate))).statusCode(), "alpha's questions cannot be merged from beta");
    }

    @Test
    void anAnswerOfOneTenantCannotBeSeenOrApprovedFromAnother() {
        Tenant alpha = portals.alpha();
        long id = questionId(alpha, askAndConfirm("duyetcheo@example.vn", "Câu trả lời của Alpha chờ duyệt"));
        long item = answeredAndSentForApproval(id, "<p>Trả lời của Alpha.</p>");
        Browser betaEditor = portals.editor(portals.beta());
        assertEquals(404, betaEditor.get("/quan-tri/quy-trinh/" + item).statusCode(), "alpha's answer item in beta's workflow");
        assertEquals(404, betaEditor.get("/quan-tri/tra-loi-duyet/" + item).statusCode());
        assertFalse(text(betaEditor.get("/quan-tri/quy-trinh")).contains("Câu trả lời của Alpha chờ duyệt"), "not in beta's queue");
        assertFalse(text(betaEditor.get("/quan-tri/quy-trinh/theo-doi")).contains("Câu trả lời của Alpha chờ duyệt"), "nor on beta's board");
        HttpResponse<String> betaPage = betaEditor.get("/quan-tri/quy-trinh");
        HttpResponse<String> tried = betaEditor.postForm("/quan-tri/quy-trinh/" + item + "/buoc/nhan", Map.of("csrfToken", csrfToken(betaPage),
                "version", "2"));
        assertEquals(404, tried.statusCode(), "nor taken from beta");
        assertEquals("submitted", SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + item));
    }

    @Test
    void theDeskThenTheUnitAreRemindedOnceAsEachStepNearsItsDeadline() {
        Tenant alpha = portals.alpha();
        String code = askAndConfirm("nhacviec@example.vn", "Câu hỏi cần nhắc hạn");
        long id = questionId(alpha, code);
        String deskNotices = "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id WHERE a.username = '"
                + DESK + "' AND n.message LIKE '%hạn chuyển đơn vị trả lời%Câu hỏi cần nhắc hạn%'";
        assertEquals(0, SqlProbe.number(this::jdbc, deskNotices));
        desk.remind(alpha, Duration.ofDays(60)).block();
        assertEquals(1, SqlProbe.number(this::jdbc, deskNotices), "the desk is reminded to forward");
        desk.remind(alpha, Duration.ofDays(60)).block();
        assertEquals(1, SqlProbe.number(this::jdbc, deskNotices), "once");

        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        HttpResponse<String> page = deskBrowser.get("/quan-tri/hoi-dap/" + id);
        assertEquals(303, deskBrowser.postForm("/quan-tri/hoi-dap/" + id + "/chuyen", Map.of("csrfToken", csrfToken(page),
                "units", String.valueOf(planning))).statusCode());
        String unitNotices = "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id WHERE a.username = '"
                + UNIT_STAFF + "' AND n.message LIKE '%";
        assertEquals(1, SqlProbe.number(this::jdbc, unitNotices + "được chuyển đến đơn vị%Câu hỏi cần nhắc hạn%'"), "the unit is told at once");
        desk.remind(alpha, Duration.ofDays(60)).block();
        assertEquals(1, SqlProbe.number(this::jdbc, unitNotices + "hạn đơn vị trả lời%Câu hỏi cần nhắc hạn%'"), "then reminded to answer");
    }

    @Test
    void personalDataIsHiddenFromStaffOutsideTheDeskAndTheForwardedUnits() {
        Tenant alpha = portals.alpha();
        String code = askAndConfirm("riengtu@example.vn", "Câu hỏi có thông tin riêng");
        long id = questionId(alpha, code);
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> adminView = admin.get("/quan-tri/hoi-dap/" + id);
        assertEquals(200, adminView.statusCode());
        assertFalse(adminView.body().contains("riengtu@example.vn"), "not even the tenant admin");
        assertFalse(adminView.body().contains("0912 345 678"));
        assertNotNull(Jsoup.parse(adminView.body()).selectFirst(".personal-hidden"));
        Browser unitStaff = portals.loggedIn(TwoPortals.ALPHA_HOST, UNIT_STAFF, UNIT_PASSWORD);
        assertFalse(unitStaff.get("/quan-tri/hoi-dap/" + id).body().contains("riengtu@example.vn"), "not forwarded to their unit yet");
        assertFalse(text(unitStaff.get("/quan-tri/hoi-dap")).contains("Câu hỏi có thông tin riêng"), "not in their queue");
        HttpResponse<String> refused = unitStaff.postForm("/quan-tri/hoi-dap/" + id + "/chuyen",
                Map.of("csrfToken", csrfToken(unitStaff.get("/quan-tri/hoi-dap/" + id)), "units", String.valueOf(planning)));
        assertEquals(403, refused.statusCode(), "only the desk forwards");
    }

    @Test
    void aQuestionOfOneTenantIsInvisibleFromAnother() {
        Tenant alpha = portals.alpha();
        String code = askAndConfirm("cachly@example.vn", "Câu hỏi riêng của Alpha");
        long id = questionId(alpha, code);
        Browser beta = citizen(TwoPortals.BETA_HOST);
        HttpResponse<String> byCode = beta.get("/hoi-dap/tra-cuu?ma=" + code);
        assertEquals(404, byCode.statusCode());
        assertFalse(text(byCode).contains("Câu hỏi riêng của Alpha"));
        assertEquals(404, beta.get("/hoi-dap/" + id).statusCode());
        Browser betaEditor = portals.editor(portals.beta());
        assertEquals(404, betaEditor.get("/quan-tri/hoi-dap/" + id).statusCode(), "alpha's id in beta's staff area");
        assertFalse(text(betaEditor.get("/quan-tri/hoi-dap")).contains("Câu hỏi riêng của Alpha"));
        assertEquals(404, beta.postForm("/hoi-dap/rut", Map.of("code", code, "email", "cachly@example.vn"), headersFrom(newAddress())).statusCode(),
                "nor withdrawn from beta");
        assertTrue(text(citizen(TwoPortals.ALPHA_HOST).get("/hoi-dap/tra-cuu?ma=" + code)).contains("Đã tiếp nhận"));
    }

    @Test
    void theAskerWithdrawsAndErasesTheirDataAndOldClosedQuestionsAreAnonymised() {
        Tenant alpha = portals.alpha();
        String code = askAndConfirm("rutlai@example.vn", "Câu hỏi sẽ rút");
        long id = questionId(alpha, code);
        Browser b = citizen(TwoPortals.ALPHA_HOST);
        assertEquals(404, b.postForm("/hoi-dap/rut", Map.of("code", code, "email", "nguoikhac@example.vn"), headersFrom(newAddress())).statusCode());
        HttpResponse<String> withdrawn = b.postForm("/hoi-dap/rut", Map.of("code", code, "email", "RUTLAI@example.vn", "erase", "on"),
                headersFrom(newAddress()));
        assertEquals(200, withdrawn.statusCode());
        assertTrue(text(withdrawn).contains("Đã rút câu hỏi và xoá dữ liệu cá nhân"));
        assertEquals("|||Câu hỏi sẽ rút", SqlProbe.string(this::jdbc, "SELECT asker_email || '|' || asker_phone || '|' || asker_address || '|' || title"
                + " FROM t_alpha.questions WHERE id = " + id), "contact data gone, the question kept");

        String other = askAndConfirm("cu@example.vn", "Câu hỏi cũ đã đóng");
        long otherId = questionId(alpha, other);
        Browser deskBrowser = portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
        HttpResponse<String> page = deskBrowser.get("/quan-tri/hoi-dap/" + otherId);
        assertEquals(303, deskBrowser.postForm("/quan-tri/hoi-dap/" + otherId + "/gui-lai", Map.of("csrfToken", csrfToken(page),
                "note", "Xin cho biết số giấy phép.")).statusCode());
        assertTrue(text(b.get("/hoi-dap/tra-cuu?ma=" + other)).contains("Xin cho biết số giấy phép."), "the asker reads what to add");
        desk.anonymiseExpired(alpha).block();
        assertEquals("cu@example.vn", SqlProbe.string(this::jdbc, "SELECT asker_email FROM t_alpha.questions WHERE id = " + otherId), "kept for now");
        clock.advance(Duration.ofDays(31L * 25));
        desk.anonymiseExpired(alpha).block();
        assertEquals("|Câu hỏi cũ đã đóng", SqlProbe.string(this::jdbc, "SELECT asker_email || '|' || title FROM t_alpha.questions WHERE id = " + otherId),
                "anonymised 24 months after it closed, the text kept");
        assertNull(null);
    }
}
