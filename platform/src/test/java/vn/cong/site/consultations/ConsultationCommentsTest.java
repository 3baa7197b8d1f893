package vn.cong.site.consultations;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import vn.cong.content.consultations.Consultations;
import vn.cong.engagement.PublicFormSettings;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Comments on drafts for public consultation end to end over HTTP: the form on the draft's page (vi and /en), the
 * window [opens, closes) enforced on both edges by the injected clock (a post from a cached page refused once it has
 * closed), e-mail confirmation when the tenant asks for it, moderation (approve, hide with a reason), the tenant's
 * switch for showing approved comments, the summary read back with Apache POI, the drafting unit's response, the
 * authors' e-mail addresses shown to the desk only, and tenant isolation.
 */
@MicronautTest(transactional = false)
class ConsultationCommentsTest extends PlatformTestSupport {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(/(?:en/)?du-thao/[a-z0-9-]+/gop-y/xac-nhan/[A-Za-z0-9_-]+)");
    private static final String DESK = "tiepnhan";
    private static final String DESK_PASSWORD = "TiepNhanGopY2026!";

    // on a whole second, so the window's edges stored by PostgreSQL (to the microsecond) are the instants the clock reaches
    final MutableClock clock = new MutableClock(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject ApplicationContext context;
    @Inject Consultations consultations;
    @Inject Publishing publishing;
    @Inject PublicFormSettings settings;
    @Inject AccountAdministration accounts;
    @Inject Units units;
    @Inject Outbox outbox;
    @Inject MailOutbox mail;
    @Inject vn.cong.engagement.CommentModeration moderation;

    private TwoPortals portals;
    private int addresses;
    private long legal;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "127.0.0.1");
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        accounts.create(portals.alpha(), 1, new AccountDetails(DESK, "tiepnhan@alpha.vn", "Thư ký Ban biên tập", "Văn phòng Cục", "", ""),
                Set.of(Role.QA_DESK), DESK_PASSWORD).block();
        legal = units.save(portals.alpha(), Unit.named("Vụ Pháp chế")).block();
        setComments(portals.alpha(), false, true);
    }

    private void setComments(Tenant tenant, boolean confirm, boolean show) {
        settings.save(tenant, settings.of(tenant).block().withComments(confirm, show)).block();
    }

    private long publish(Tenant tenant, String lang, String slug, String title, OffsetDateTime opens, OffsetDateTime closes) {
        long id = consultations.save(tenant,
                new Draft(null, 0, Consultations.KIND, null, lang, slug, title, "", "<p>Nội dung dự thảo</p>", null, null, null, false, null),
                new ConsultationFields(opens, closes, "gopy@alpha.gov.vn", ""), Map.of()).block().id();
        publishing.publish(tenant, id, null).block();
        return id;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private Map<String, String> from() {
        return Map.of("X-Forwarded-For", "198.51.100." + (++addresses));
    }

    private static Map<String, String> comment(String name, String email, String body) {
        Map<String, String> f = new HashMap<>();
        f.put("name", name);
        f.put("email", email);
        f.put("organisation", "Hiệp hội Doanh nghiệp");
        f.put("body", body);
        f.put("consent", "on");
        f.put("website", "");
        return f;
    }

    private HttpResponse<String> post(Browser b, String path, Map<String, String> form) {
        return b.postForm(path, form, from());
    }

    private long commentId(String body) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.consultation_comments WHERE body = '" + body + "'");
    }

    private Browser desk() {
        return portals.loggedIn(TwoPortals.ALPHA_HOST, DESK, DESK_PASSWORD);
    }

    private HttpResponse<String> staffPost(Browser staff, String screen, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(staff.get(screen)));
        return staff.postForm(action, form);
    }

    @Test
    void theOpenDraftsPageCarriesTheCommentFormInBothLanguages() {
        publish(portals.alpha(), "vi", "du-thao-co-bieu-mau", "Dự thảo Thông tư có biểu mẫu góp ý", now().minusDays(1), now().plusDays(10));
        publish(portals.alpha(), "en", "draft-with-form", "Draft circular open for comments", now().minusDays(1), now().plusDays(10));
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        Document vi = Jsoup.parse(reader.get("/du-thao/du-thao-co-bieu-mau").body());
        assertEquals("/du-thao/du-thao-co-bieu-mau/gop-y", vi.selectFirst("form.comment-form").attr("action"));
        assertEquals("Gửi góp ý", vi.selectFirst("form.comment-form button").text());
        Document en = Jsoup.parse(reader.get("/en/du-thao/draft-with-form").body());
        assertEquals("/en/du-thao/draft-with-form/gop-y", en.selectFirst("form.comment-form").attr("action"));
        assertEquals("Send comment", en.selectFirst("form.comment-form button").text());

        HttpResponse<String> sent = post(reader, "/en/du-thao/draft-with-form/gop-y", comment("John Reader", "john@example.org", "Article 3 is unclear."));
        assertEquals(303, sent.statusCode(), sent.body());
        HttpResponse<String> thanks = reader.get(sent.headers().firstValue("Location").orElseThrow());
        assertTrue(text(thanks).contains("Thank you for your comment"), text(thanks));
        assertEquals("en", SqlProbe.string(this::jdbc, "SELECT language FROM t_alpha.consultation_comments WHERE author_email = 'john@example.org'"));
    }

    @Test
    void theWindowIsHalfOpenInVietnamTimeAndAPostFromACachedPageIsRefusedAfterItCloses() {
        OffsetDateTime opens = now().plusMinutes(10);
        OffsetDateTime closes = opens.plusMinutes(10);
        publish(portals.alpha(), "vi", "du-thao-bien", "Dự thảo kiểm tra thời hạn", opens, closes);
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        String page = "/du-thao/du-thao-bien";
        String action = page + "/gop-y";

        clock.advance(Duration.ofMinutes(10).minusSeconds(1)); // one second before it opens
        Document before = Jsoup.parse(reader.get(action).body());
        assertNull(before.selectFirst("form.comment-form"), "no form before the window");
        assertTrue(before.selectFirst(".comment-state").text().contains("chưa đến thời gian lấy ý kiến"));
        HttpResponse<String> early = post(reader, action, comment("Trần Văn Sớm", "som@example.vn", "Góp ý gửi quá sớm"));
        assertEquals(409, early.statusCode());
        assertTrue(text(early).contains("dự thảo chưa đến thời gian lấy ý kiến"), text(early));

        clock.advance(Duration.ofSeconds(1)); // the opening instant itself is inside
        assertEquals(303, post(reader, action, comment("Trần Văn Đúng", "dung1@example.vn", "Góp ý lúc vừa mở")).statusCode());
        Document open = Jsoup.parse(reader.get(page).body());
        assertNotNull(open.selectFirst("form.comment-form"), "the page, now cached, carries the form");

        clock.advance(Duration.ofMinutes(10).minusSeconds(1)); // the last second inside
        assertEquals(303, post(reader, action, comment("Trần Văn Muộn", "dung2@example.vn", "Góp ý giây cuối")).statusCode());

        clock.advance(Duration.ofSeconds(1)); // the closing instant is outside
        assertNotNull(Jsoup.parse(reader.get(page).body()).selectFirst("form.comment-form"),
                "the cached page may still show the form for a moment; the post is what counts");
        HttpResponse<String> late = post(reader, action, comment("Lê Thị Trễ", "tre@example.vn", "Góp ý gửi sau khi hết hạn"));
        assertEquals(409, late.statusCode());
        Document refused = Jsoup.parse(late.body());
        assertTrue(refused.text().contains("đã hết thời gian lấy ý kiến dự thảo này, góp ý không được tiếp nhận"), refused.text());
        assertNull(refused.selectFirst("form.comment-form"), "the refusal page offers no form");
        assertTrue(Jsoup.parse(reader.get(action).body()).selectFirst(".comment-state").text().contains("Đã hết thời gian lấy ý kiến"));
        assertEquals(2, SqlProbe.number(this::jdbc, """
                SELECT count(*) FROM t_alpha.consultation_comments c JOIN t_alpha.content_items i ON i.id = c.item_id
                WHERE i.slug = 'du-thao-bien'"""), "only the two comments inside the window were taken");
    }

    @Test
    void aRefusedCommentComesBackAsTyped() {
        publish(portals.alpha(), "vi", "du-thao-loi", "Dự thảo kiểm tra lỗi nhập", now().minusDays(1), now().plusDays(10));
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        Map<String, String> form = comment("Phạm Văn Nhập", "khong-phai-thu", "Nội dung góp ý còn giữ");
        form.remove("consent");
        HttpResponse<String> refused = post(reader, "/du-thao/du-thao-loi/gop-y", form);
        assertEquals(400, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertEquals("Phạm Văn Nhập", doc.selectFirst("#gop-y-name").attr("value"));
        assertEquals("Nội dung góp ý còn giữ", doc.selectFirst("#gop-y-body").text());
        assertTrue(doc.selectFirst("#loi-gop-y-email").text().contains("thư điện tử hợp lệ"));
        assertTrue(doc.selectFirst("#loi-gop-y-consent").text().contains("Xin đồng ý"));
        assertEquals("private, no-store", refused.headers().firstValue("Cache-Control").orElse(""));
        Map<String, String> robot = comment("Rô Bốt", "robot@example.vn", "spam");
        robot.put("website", "http://spam.example");
        assertEquals(400, post(reader, "/du-thao/du-thao-loi/gop-y", robot).statusCode(), "the honeypot refuses");
    }

    @Test
    void whenTheTenantAsksACommentWaitsForItsConfirmedAddress() {
        Tenant alpha = portals.alpha();
        publish(alpha, "vi", "du-thao-xac-nhan", "Dự thảo cần xác nhận thư", now().minusDays(1), now().plusDays(10));
        setComments(alpha, true, true);
        try {
            Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
            HttpResponse<String> sent = post(reader, "/du-thao/du-thao-xac-nhan/gop-y", comment("Võ Xác Nhận", "xacnhan@example.vn", "Góp ý cần xác nhận"));
            assertEquals(303, sent.statusCode());
            assertTrue(text(reader.get(sent.headers().firstValue("Location").orElseThrow())).contains("bấm đường dẫn xác nhận"));
            long id = commentId("Góp ý cần xác nhận");
            Browser desk = desk();
            String screen = "/quan-tri/gop-y-du-thao/" + itemOf(id);
            assertFalse(text(desk.get(screen)).contains("Góp ý cần xác nhận"), "not for moderation before it is confirmed");

            String link = confirmationLink(alpha, "xacnhan@example.vn");
            HttpResponse<String> ask = reader.get(link);
            assertEquals(200, ask.statusCode());
            assertEquals("unconfirmed", status(id), "opening the link confirms nothing: a mail scanner may open it");
            HttpResponse<String> confirmed = reader.postForm(link, Map.of());
            assertEquals(200, confirmed.statusCode());
            assertTrue(text(confirmed).contains("Đã xác nhận"));
            assertEquals("pending", status(id));
            assertTrue(text(desk.get(screen)).contains("Góp ý cần xác nhận"));

            post(reader, "/du-thao/du-thao-xac-nhan/gop-y", comment("Võ Hết Hạn", "hethan@example.vn", "Góp ý để hết hạn xác nhận"));
            String late = confirmationLink(alpha, "hethan@example.vn");
            clock.advance(Duration.ofHours(24).plusMinutes(1));
            assertEquals(410, reader.postForm(late, Map.of()).statusCode());
            assertEquals("unconfirmed", status(commentId("Góp ý để hết hạn xác nhận")));
        } finally {
            setComments(alpha, false, true);
        }
    }

    private long itemOf(long commentId) {
        return SqlProbe.number(this::jdbc, "SELECT item_id FROM t_alpha.consultation_comments WHERE id = " + commentId);
    }

    private String status(long commentId) {
        return SqlProbe.string(this::jdbc, "SELECT status FROM t_alpha.consultation_comments WHERE id = " + commentId);
    }

    private String confirmationLink(Tenant tenant, String to) {
        List<MailMessage> found = outbox.messages(tenant).block().stream().filter(m -> MailOutbox.KIND.equals(m.kind()))
                .map(m -> mail.mail(tenant, m).block()).filter(m -> m.to().contains(to)).toList();
        assertFalse(found.isEmpty(), "a confirmation e-mail went to " + to);
        Matcher m = CONFIRM_LINK.matcher(found.get(found.size() - 1).text());
        assertTrue(m.find(), found.get(found.size() - 1).text());
        return m.group(1);
    }

    @Test
    void moderationDecidesWhatThePublicSeesAndTheTenantMayHideApprovedComments() {
        Tenant alpha = portals.alpha();
        long item = publish(alpha, "vi", "du-thao-kiem-duyet", "Dự thảo kiểm duyệt góp ý", now().minusDays(1), now().plusDays(10));
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        String action = "/du-thao/du-thao-kiem-duyet/gop-y";
        post(reader, action, comment("Nguyễn Văn Duyệt", "duyet@example.vn", "Đề nghị bổ sung định nghĩa tại Điều 2."));
        post(reader, action, comment("Kẻ Phá Rối", "pharoi@example.vn", "Nội dung xúc phạm không liên quan."));
        post(reader, action, comment("Chờ Duyệt", "cho@example.vn", "Góp ý chưa được xem."));
        String page = "/du-thao/du-thao-kiem-duyet";
        assertTrue(Jsoup.parse(reader.get(page).body()).select(".comment-list .comment").isEmpty(), "nothing shown before moderation");

        Browser desk = desk();
        String screen = "/quan-tri/gop-y-du-thao/" + item;
        long good = commentId("Đề nghị bổ sung định nghĩa tại Điều 2.");
        long bad = commentId("Nội dung xúc phạm không liên quan.");
        assertEquals(303, staffPost(desk, screen, screen + "/gop-y/" + good + "/duyet", Map.of()).statusCode());
        HttpResponse<String> noReason = staffPost(desk, screen, screen + "/gop-y/" + bad + "/an", Map.of("reason", " "));
        assertEquals(409, noReason.statusCode());
        assertTrue(text(noReason).contains("Xin ghi lý do ẩn góp ý"));
        assertEquals(303, staffPost(desk, screen, screen + "/gop-y/" + bad + "/an", Map.of("reason", "Ngôn từ xúc phạm")).statusCode());
        assertTrue(text(desk.get(screen)).contains("Lý do ẩn: Ngôn từ xúc phạm"));

        Document shown = Jsoup.parse(reader.get(page).body());
        assertEquals(List.of("Đề nghị bổ sung định nghĩa tại Điều 2."), shown.select(".comment-list .comment .pre-line").eachText(),
                "only the approved comment is shown: the moderation refreshed the cached page");
        assertTrue(shown.select(".comment-list").text().contains("Nguyễn Văn Duyệt (Hiệp hội Doanh nghiệp)"));
        assertFalse(shown.text().contains("duyet@example.vn"), "the author's e-mail address is never public");
        assertTrue(shown.text().contains("Số góp ý đã nhận: 3"));

        setComments(alpha, false, false);
        try {
            staffPost(desk, screen, screen + "/gop-y/" + commentId("Góp ý chưa được xem.") + "/duyet", Map.of()); // refreshes the page
            assertTrue(Jsoup.parse(reader.get(page).body()).select(".comment-list .comment").isEmpty(),
                    "with the switch off, approved comments are not shown");
        } finally {
            setComments(alpha, false, true);
        }
    }

    @Test
    void theDeskIsToldOfNewCommentsInOneNoticePerDraftAndRound() {
        publish(portals.alpha(), "vi", "du-thao-bao-gop-y", "Dự thảo báo góp ý mới", now().minusDays(1), now().plusDays(10));
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        String action = "/du-thao/du-thao-bao-gop-y/gop-y";
        assertEquals(303, post(reader, action, comment("Người Một", "mot@example.vn", "Góp ý thứ nhất cho dự thảo báo.")).statusCode());
        assertEquals(303, post(reader, action, comment("Người Hai", "hai@example.vn", "Góp ý thứ hai cho dự thảo báo.")).statusCode());
        String notices = "SELECT string_agg(n.message, ' | ' ORDER BY n.id) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = '" + DESK + "' AND n.message LIKE '%«Dự thảo báo góp ý mới»'";
        moderation.notifyDesk(portals.alpha()).block();
        assertEquals("2 góp ý mới chờ kiểm duyệt trên dự thảo: «Dự thảo báo góp ý mới»", SqlProbe.string(this::jdbc, notices), "one notice for both");
        moderation.notifyDesk(portals.alpha()).block();
        assertEquals("2 góp ý mới chờ kiểm duyệt trên dự thảo: «Dự thảo báo góp ý mới»", SqlProbe.string(this::jdbc, notices), "not told twice");
        assertEquals(303, post(reader, action, comment("Người Ba", "ba@example.vn", "Góp ý thứ ba cho dự thảo báo.")).statusCode());
        moderation.notifyDesk(portals.alpha()).block();
        assertEquals("2 góp ý mới chờ kiểm duyệt trên dự thảo: «Dự thảo báo góp ý mới» | 1 góp ý mới chờ kiểm duyệt trên dự thảo: «Dự thảo báo góp ý mới»",
                SqlProbe.string(this::jdbc, notices), "the next round tells of the new one");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = '" + TwoPortals.EDITOR + "' AND n.message LIKE '%«Dự thảo báo góp ý mới»'"), "the desk is told, not every editor");
    }

    @Test
    void theAuthorsOfCommentsOnADraftClosedLongerThanTheRetentionPeriodAreAnonymised() {
        long old = publish(portals.alpha(), "vi", "du-thao-dong-lau", "Dự thảo đã đóng từ lâu", now().minusDays(800), now().minusDays(770));
        long recent = publish(portals.alpha(), "vi", "du-thao-dong-gan", "Dự thảo đóng gần đây", now().minusDays(720), now().minusDays(700));
        SqlProbe.run(this::jdbc,
                "INSERT INTO t_alpha.consultation_comments (item_id, author_name, author_email, organisation, body, consented_at, status, submitted_at)"
                        + " VALUES (" + old + ", 'Người Cũ', 'cu@example.vn', 'Viện A', 'Góp ý cũ được giữ lại', now() - interval '790 days', 'approved',"
                        + " now() - interval '790 days')",
                "INSERT INTO t_alpha.consultation_comments (item_id, author_name, author_email, organisation, body, consented_at, status, submitted_at)"
                        + " VALUES (" + recent + ", 'Người Gần', 'gan@example.vn', 'Viện B', 'Góp ý gần', now() - interval '710 days', 'approved',"
                        + " now() - interval '710 days')");
        assertTrue(moderation.anonymiseExpired(portals.alpha()).block() >= 1);
        assertEquals("Người góp ý (đã ẩn danh)||Viện A|Góp ý cũ được giữ lại", SqlProbe.string(this::jdbc,
                "SELECT author_name || '|' || author_email || '|' || organisation || '|' || body FROM t_alpha.consultation_comments WHERE item_id = " + old),
                "25 months after the window closed: name and address erased, the comment kept");
        assertEquals("Người Gần|gan@example.vn", SqlProbe.string(this::jdbc,
                "SELECT author_name || '|' || author_email FROM t_alpha.consultation_comments WHERE item_id = " + recent),
                "23 months is within the 24 the tenant keeps");
    }

    @Test
    void anEditorModeratesButOnlyTheDeskSeesTheAuthorsAddresses() {
        long item = publish(portals.alpha(), "vi", "du-thao-du-lieu-ca-nhan", "Dự thảo dữ liệu cá nhân", now().minusDays(1), now().plusDays(10));
        post(portals.browser(TwoPortals.ALPHA_HOST), "/du-thao/du-thao-du-lieu-ca-nhan/gop-y",
                comment("Đỗ Bảo Mật", "baomat@example.vn", "Góp ý có thư riêng"));
        String screen = "/quan-tri/gop-y-du-thao/" + item;
        HttpResponse<String> byEditor = portals.editor(portals.alpha()).get(screen);
        assertEquals(200, byEditor.statusCode());
        assertTrue(text(byEditor).contains("Góp ý có thư riêng"));
        assertFalse(byEditor.body().contains("baomat@example.vn"), "an editor outside the desk does not see the address");
        assertTrue(desk().get(screen).body().contains("baomat@example.vn"), "the desk does");
        Browser editor = portals.editor(portals.alpha());
        assertEquals(303, staffPost(editor, screen, screen + "/gop-y/" + commentId("Góp ý có thư riêng") + "/duyet", Map.of()).statusCode());
    }

    @Test
    void afterTheWindowClosesStaffDownloadTheSummaryAndPublishTheResponse() throws IOException {
        Tenant alpha = portals.alpha();
        long item = publish(alpha, "vi", "du-thao-tong-hop", "Dự thảo Thông tư tổng hợp góp ý", now().minusDays(1), now().plusMinutes(5));
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        String action = "/du-thao/du-thao-tong-hop/gop-y";
        post(reader, action, comment("Hoàng Văn Một", "mot@example.vn", "Đề nghị sửa Điều 5:\nbỏ khoản 3."));
        post(reader, action, comment("Bùi Thị Hai", "hai@example.vn", "=HYPERLINK(\"http://evil.example\",\"bấm\")"));
        post(reader, action, comment("Ẩn Danh", "an@example.vn", "Nội dung quảng cáo"));
        Browser desk = desk();
        String screen = "/quan-tri/gop-y-du-thao/" + item;
        staffPost(desk, screen, screen + "/gop-y/" + commentId("Đề nghị sửa Điều 5:\nbỏ khoản 3.") + "/duyet", Map.of());
        staffPost(desk, screen, screen + "/gop-y/" + commentId("Nội dung quảng cáo") + "/an", Map.of("reason", "Quảng cáo"));

        assertEquals(409, desk.getBytes(screen + "/tong-hop.docx", Map.of()).statusCode(), "no summary while comments are still open");
        HttpResponse<String> early = staffPost(desk, screen, screen + "/tiep-thu", Map.of("text", "Tiếp thu sớm", "publish", "on"));
        assertEquals(409, early.statusCode());

        clock.advance(Duration.ofMinutes(5));
        desk = desk();
        HttpResponse<byte[]> docx = desk.getBytes(screen + "/tong-hop.docx", Map.of());
        assertEquals(200, docx.statusCode());
        assertTrue(docx.headers().firstValue("Content-Disposition").orElse("").contains("tong-hop-gop-y-du-thao-tong-hop.docx"));
        String words;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body())); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            words = x.getText();
            assertEquals(4, doc.getTables().get(0).getRows().size(), "a heading row and one row per comment");
            assertEquals("Bùi Thị Hai", doc.getTables().get(0).getRow(2).getCell(2).getText());
            assertEquals("2", doc.getTables().get(0).getRow(2).getCell(0).getText());
        }
        assertTrue(words.contains("Tổng hợp góp ý dự thảo: Dự thảo Thông tư tổng hợp góp ý"), words);
        assertTrue(words.contains("Số góp ý: 3 (đã duyệt 1, đã ẩn 1, chưa kiểm duyệt 1)"), words);
        assertTrue(words.contains("Quảng cáo"), "a hidden comment is in the summary with its reason");
        assertFalse(words.contains("@example.vn"), "no e-mail address in the summary");

        HttpResponse<byte[]> xlsx = desk.getBytes(screen + "/tong-hop.xlsx", Map.of());
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals("Tổng hợp góp ý dự thảo: Dự thảo Thông tư tổng hợp góp ý", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            Sheet sheet = book.getSheet("Góp ý");
            assertEquals("Nội dung góp ý", sheet.getRow(1).getCell(4).getStringCellValue());
            List<String> bodies = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                bodies.add(row.getCell(4).getStringCellValue());
                assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, row.getCell(4).getCellType());
            }
            assertEquals(List.of("Đề nghị sửa Điều 5:\nbỏ khoản 3.", "'=HYPERLINK(\"http://evil.example\",\"bấm\")", "Nội dung quảng cáo"), bodies,
                    "a formula typed by the public is neutralised");
            assertEquals("Đã ẩn", sheet.getRow(4).getCell(5).getStringCellValue());
            assertEquals("Quảng cáo", sheet.getRow(4).getCell(6).getStringCellValue());
            assertFalse(sheet.getRow(2).getCell(2).getStringCellValue().contains("@"), "no e-mail address");
        }

        HttpResponse<String> saved = staffPost(desk, screen, screen + "/tiep-thu", Map.of("unit", String.valueOf(legal),
                "text", "Ban soạn thảo tiếp thu góp ý về Điều 5 và đã sửa khoản 3.", "publish", "on"));
        assertEquals(303, saved.statusCode(), saved.body());
        Document page = Jsoup.parse(reader.get("/du-thao/du-thao-tong-hop").body());
        assertEquals("Đã hết hạn góp ý", page.selectFirst(".status-badge").text());
        assertTrue(page.selectFirst(".consultation-response").text().contains("Vụ Pháp chế"));
        assertTrue(page.selectFirst(".consultation-response").text().contains("Ban soạn thảo tiếp thu góp ý về Điều 5"));
        assertTrue(page.selectFirst(".consultation-comments .comment-state").text().contains("Đã hết thời gian lấy ý kiến"));
    }

    @Test
    void aCommentOnOneTenantIsInvisibleAndUntouchableFromAnother() {
        long item = publish(portals.alpha(), "vi", "du-thao-rieng-alpha", "Dự thảo riêng của Alpha", now().minusDays(1), now().plusDays(10));
        post(portals.browser(TwoPortals.ALPHA_HOST), "/du-thao/du-thao-rieng-alpha/gop-y", comment("Người Alpha", "alpha@example.vn", "Góp ý chỉ của Alpha"));
        long id = commentId("Góp ý chỉ của Alpha");
        desk(); // the desk exists only on alpha
        Browser betaReader = portals.browser(TwoPortals.BETA_HOST);
        assertEquals(404, betaReader.get("/du-thao/du-thao-rieng-alpha").statusCode());
        assertEquals(404, post(betaReader, "/du-thao/du-thao-rieng-alpha/gop-y", comment("Người Beta", "beta@example.vn", "Gửi nhầm cổng")).statusCode());

        Browser betaEditor = portals.editor(portals.beta());
        HttpResponse<String> list = betaEditor.get("/quan-tri/gop-y-du-thao");
        assertEquals(200, list.statusCode());
        assertFalse(text(list).contains("Dự thảo riêng của Alpha"));
        assertEquals(404, betaEditor.get("/quan-tri/gop-y-du-thao/" + item).statusCode());
        assertEquals(404, staffPost(betaEditor, "/quan-tri/gop-y-du-thao", "/quan-tri/gop-y-du-thao/" + item + "/gop-y/" + id + "/duyet", Map.of())
                .statusCode());
        assertEquals(404, betaEditor.getBytes("/quan-tri/gop-y-du-thao/" + item + "/tong-hop.xlsx", Map.of()).statusCode());
        assertEquals("pending", status(id), "beta's staff changed nothing");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.consultation_comments"));
    }
}
