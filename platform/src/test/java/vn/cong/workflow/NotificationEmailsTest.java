package vn.cong.workflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * The next actor gets the workflow's notifications by e-mail (GreenMail as the SMTP server): once
 * each, even with two nodes running the job, with a link to the item; never another tenant's.
 */
@MicronautTest(transactional = false)
class NotificationEmailsTest extends PlatformTestSupport {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject WorkflowPolicies policies;
    @Inject SubmitItem submit;
    @Inject TakeForEditing take;
    @Inject SendForApproval send;
    @Inject DeadlineReminders reminders;
    @Inject NotificationEmails emails;

    private ApplicationContext secondNode;
    private Tenant alpha;
    private Tenant beta;
    private Staff alphaStaff;
    private Staff betaStaff;
    private int slugs;

    @Override
    protected Map<String, String> extraProperties() {
        smtp.start();
        Map<String, String> p = new HashMap<>();
        p.put("cong.mail.host", "127.0.0.1");
        p.put("cong.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        p.put("cong.mail.security", "none");
        p.put("cong.mail.from", "Cổng <noreply@most.localhost>");
        p.put("cong.public-scheme", "https");
        p.put("cong.public-port", "443");
        return p;
    }

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        alpha = registry.findByCode("alpha").orElseThrow();
        beta = registry.findByCode("beta").orElseThrow();
        assertTrue(policies.choose(alpha, "haiphong").block());
        assertTrue(policies.choose(beta, "haiphong").block());
        alphaStaff = Staff.create(accounts, alpha);
        betaStaff = Staff.create(accounts, beta);
        secondNode = ApplicationContext.builder().environments("test").properties(new HashMap<>(getProperties())).start();
    }

    @AfterAll
    void stop() {
        if (secondNode != null) {
            secondNode.close();
        }
        smtp.stop();
    }

    /** Joins each notification ({@code n}) of tenant {@code code} to its e-mail in the outbox ({@code e}). */
    static String emailOf(String code) {
        return " JOIN platform.outbox e ON e.kind = 'notification-email' AND e.tenant_code = '" + code + "'"
                + " AND (e.payload->>'notification')::bigint = n.id";
    }

    private long number(String sql) {
        return SqlProbe.number(this::jdbc, sql);
    }

    /** A routine article of {@code t}, submitted by the contributor and taken by the editor. */
    private Outcome taken(Tenant t, Staff staff, String title) {
        long section = number("SELECT id FROM " + t.schema() + ".sections WHERE slug = 'tin-hoat-dong'");
        SavedItem d = publishing.saveDraft(t, new vn.cong.content.Draft(null, 0, "article", section, "vi", "tin-thu-" + (++slugs),
                title, "Tóm tắt.", "<p>Nội dung.</p>", null, null, null, false, staff.get(Role.CONTRIBUTOR).id())).block();
        Outcome o = submit.submit(t, d.id(), d.version(), staff.get(Role.CONTRIBUTOR), new Submission("Phòng Tổng hợp", "Nguyễn Văn Gửi",
                "Chuyên viên", "gui@donvi.gov.vn", "024 3943 1234", "routine", OffsetDateTime.now().minusHours(1), false, false, null, null)).block();
        return take.take(t, o.itemId(), o.version(), staff.get(Role.EDITOR)).block();
    }

    private Outcome awaitingApproval(Tenant t, Staff staff, String title) {
        Outcome o = taken(t, staff, title);
        o = send.send(t, o.itemId(), o.version(), staff.get(Role.EDITOR), "").block();
        assertEquals("awaiting_approval", o.state());
        return o;
    }

    private List<MimeMessage> mailsAbout(String title) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(title)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> to(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return new String(m.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int deliverOnBothNodes() {
        NotificationEmails other = secondNode.getBean(NotificationEmails.class);
        return Flux.merge(Mono.defer(emails::deliver).subscribeOn(Schedulers.parallel()),
                        Mono.defer(other::deliver).subscribeOn(Schedulers.parallel()),
                        Mono.defer(emails::deliver).subscribeOn(Schedulers.parallel()),
                        Mono.defer(other::deliver).subscribeOn(Schedulers.parallel()))
                .collectList().block().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void anItemSentForApprovalIsMailedOnceToTheApproverOfItsLevelEvenWithTwoNodes() {
        String title = "Hội nghị tổng kết năm học";
        Outcome o = awaitingApproval(alpha, alphaStaff, title);
        deliverOnBothNodes();

        List<MimeMessage> toApprover = mailsAbout(title).stream().filter(m -> to(m).contains("approver@alpha.example.vn")).toList();
        assertEquals(1, toApprover.size(), "one e-mail to the level-1 approver");
        MimeMessage mail = toApprover.get(0);
        assertEquals("[" + alpha.nameVi() + "] " + title, subject(mail));
        String text = body(mail);
        assertTrue(text.contains("Tin bài chờ bạn duyệt (Biên tập viên cấp 2)"), text);
        assertTrue(text.contains("Hạn xử lý: "), "the deadline is in the mail: " + text);
        assertTrue(text.contains("https://" + registry.primaryHost(alpha) + "/quan-tri/quy-trinh/" + o.itemId()), text);
        assertTrue(mailsAbout(title).stream().noneMatch(m -> to(m).contains("deputy@alpha.example.vn") || to(m).contains("head@alpha.example.vn")),
                "higher levels are not asked for a routine item");
        assertEquals(mailsAbout(title).size(), number("SELECT count(*) FROM t_alpha.notifications WHERE item_id = " + o.itemId()),
                "each notification once: " + mailsAbout(title).stream().map(NotificationEmailsTest::to).toList());
        assertEquals(0, number("SELECT count(*) FROM t_alpha.notifications n" + emailOf("alpha") + " WHERE n.item_id = " + o.itemId()
                + " AND e.status <> 'sent'"));
        assertEquals(0, emails.deliver().block(), "nothing left to send");
    }

    @Test
    void aDeadlineReminderIsMailedToTheNextActor() {
        String title = "Lễ khai giảng năm học mới";
        Outcome o = taken(alpha, alphaStaff, title);
        emails.deliver().block();
        int before = mailsAbout(title).size();
        assertTrue(reminders.remindDue(OffsetDateTime.now().plusDays(30)).block() >= 1);
        emails.deliver().block();

        List<MimeMessage> reminded = mailsAbout(title).stream().skip(before).toList();
        assertEquals(1, reminded.size(), "one reminder e-mail");
        assertEquals(List.of("editor@alpha.example.vn"), to(reminded.get(0)));
        String text = body(reminded.get(0));
        assertTrue(text.contains("đến hạn xử lý") || text.contains("quá hạn xử lý"), text);
        assertTrue(text.contains("/quan-tri/quy-trinh/" + o.itemId()), text);
    }

    @Test
    void anotherTenantsStaffNeverReceiveItsNotifications() {
        String alphaTitle = "Tin riêng của alpha";
        String betaTitle = "Tin riêng của beta";
        awaitingApproval(alpha, alphaStaff, alphaTitle);
        awaitingApproval(beta, betaStaff, betaTitle);
        deliverOnBothNodes();

        assertTrue(mailsAbout(alphaTitle).stream().anyMatch(m -> to(m).contains("approver@alpha.example.vn")));
        assertTrue(mailsAbout(betaTitle).stream().anyMatch(m -> to(m).contains("approver@beta.example.vn")));
        assertTrue(mailsAbout(alphaTitle).stream().allMatch(m -> to(m).stream().allMatch(a -> a.endsWith("@alpha.example.vn"))
                && subject(m).startsWith("[" + alpha.nameVi() + "]")), "alpha's items reach alpha's staff only");
        assertTrue(mailsAbout(betaTitle).stream().allMatch(m -> to(m).stream().allMatch(a -> a.endsWith("@beta.example.vn"))
                && body(m).contains("https://" + registry.primaryHost(beta) + "/quan-tri/quy-trinh/")), "beta's items reach beta's staff only");
    }

    @Test
    void revokedAccountsAndAccountsWithoutAnAddressAreSkipped() {
        String title = "Tin cho tài khoản đã thu hồi";
        Outcome o = awaitingApproval(alpha, alphaStaff, title);
        SqlProbe.run(this::jdbc,
                "INSERT INTO t_alpha.accounts (username, email, full_name, status) VALUES ('da-nghi', 'da-nghi@alpha.example.vn', 'Đã nghỉ', 'revoked')",
                "INSERT INTO t_alpha.accounts (username, email, full_name) VALUES ('khong-thu', '', 'Không thư')",
                "INSERT INTO t_alpha.notifications (account_id, item_id, message) SELECT id, " + o.itemId()
                        + ", 'Thông báo thử' FROM t_alpha.accounts WHERE username IN ('da-nghi', 'khong-thu')");
        emails.deliver().block();
        assertEquals(2, number("SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id" + emailOf("alpha")
                + " WHERE a.username IN ('da-nghi', 'khong-thu') AND e.status = 'skipped'"));
        assertTrue(mailsAbout(title).stream().noneMatch(m -> to(m).contains("da-nghi@alpha.example.vn")));
    }

    @Test
    void aFailedSendIsRetriedLaterAndMarkedFailedAfterTheLastAttempt() {
        Outcome o = awaitingApproval(alpha, alphaStaff, "Tin gửi tới địa chỉ hỏng");
        SqlProbe.run(this::jdbc,
                "INSERT INTO t_alpha.accounts (username, email, full_name) VALUES ('dia-chi-hong', 'không phải địa chỉ', 'Địa chỉ hỏng')",
                "INSERT INTO t_alpha.notifications (account_id, item_id, message) SELECT id, " + o.itemId()
                        + ", 'Thông báo thử' FROM t_alpha.accounts WHERE username = 'dia-chi-hong'");
        String row = " FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id" + emailOf("alpha")
                + " WHERE a.username = 'dia-chi-hong'";
        emails.deliver().block();
        assertEquals(1, number("SELECT count(*)" + row + " AND e.status = 'pending' AND e.attempts = 1"
                + " AND e.next_at > now() AND e.last_error IS NOT NULL"), "kept for a later attempt");
        emails.deliver().block();
        assertEquals(1, number("SELECT e.attempts" + row), "not retried before its time");

        SqlProbe.run(this::jdbc, "UPDATE platform.outbox e SET next_at = now() - interval '1 second', attempts = 4"
                + " FROM t_alpha.notifications n WHERE (e.payload->>'notification')::bigint = n.id AND e.tenant_code = 'alpha'"
                + " AND e.kind = 'notification-email' AND n.account_id = (SELECT id FROM t_alpha.accounts WHERE username = 'dia-chi-hong')");
        emails.deliver().block();
        assertEquals(1, number("SELECT count(*)" + row + " AND e.status = 'failed' AND e.attempts = 5"), "given up after five");
    }

    @Test
    void aStaffMemberWhoTurnedEmailOffSeesNotificationsOnlyInTheApp() {
        Browser approver = new Browser(server.getPort(), registry.primaryHost(beta));
        logInOk(approver, "approver", Staff.PASSWORD);
        var page = approver.get("/quan-tri/thong-bao");
        assertTrue(org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=email]").hasAttr("checked"), "on by default");
        assertEquals(303, approver.postForm("/quan-tri/thong-bao/email", Map.of("csrfToken", csrfToken(page))).statusCode());
        try {
            page = approver.get("/quan-tri/thong-bao");
            assertTrue(!org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=email]").hasAttr("checked"), "the choice is kept");
            String title = "Tin chỉ báo trong ứng dụng";
            Outcome o = awaitingApproval(beta, betaStaff, title);
            emails.deliver().block();
            assertTrue(mailsAbout(title).stream().noneMatch(m -> to(m).contains("approver@beta.example.vn")), "no e-mail");
            assertEquals(1, number("SELECT count(*) FROM t_beta.notifications n JOIN t_beta.accounts a ON a.id = n.account_id" + emailOf("beta")
                    + " WHERE a.username = 'approver' AND n.item_id = " + o.itemId() + " AND e.status = 'skipped'"), "in the app, marked skipped");
        } finally {
            assertEquals(303, approver.postForm("/quan-tri/thong-bao/email",
                    Map.of("csrfToken", csrfToken(approver.get("/quan-tri/thong-bao")), "email", "on")).statusCode());
        }
        assertTrue(org.jsoup.Jsoup.parse(approver.get("/quan-tri/thong-bao").body()).selectFirst("input[name=email]").hasAttr("checked"));
    }
}
