package vn.cong.subscriptions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.tenancy.outbox.OutboxMessage;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Actor;
import vn.cong.workflow.TakeDownItem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail subscriptions (issue 11 point 7) end to end over HTTP and through the outbox: subscribe, confirm (the link expires
 * after a day, injected clock), one message per publication, the daily digest once a day without taken-down items, one-click
 * unsubscribe (the link's page and RFC 8058's POST), the honeypot and the rate limit, the tenant admin's counts and removal on
 * request, and isolation: another tenant's publications, tokens and staff never reach this tenant's subscribers.
 */
@MicronautTest(transactional = false)
class SubscriptionsTest extends PlatformTestSupport {

    private static final Pattern CONFIRM = Pattern.compile("(/(?:en/)?dang-ky-nhan-tin/xac-nhan/[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(/(?:en/)?dang-ky-nhan-tin/huy/[A-Za-z0-9_-]+)");

    private final MutableClock clock = MutableClock.startingNow();

    @Inject ApplicationContext context;
    @Inject EmbeddedServer server;
    @Inject Publishing publishing;
    @Inject TakeDownItem takeDown;
    @Inject Outbox outbox;
    @Inject SubscriptionMail subscriptionMail;
    @Inject TenantDatabase tenantDb;

    private TwoPortals portals;
    private long alphaSection;
    private long betaSection;
    private int addresses;
    private int slugs;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "127.0.0.1");
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alphaSection = section(portals.alpha());
        betaSection = section(portals.beta());
    }

    @BeforeEach
    void noSubscriptionsYet() {
        for (Tenant t : List.of(portals.alpha(), portals.beta())) {
            tenantDb.mono(t, c -> c.update("DELETE FROM subscriptions")).block();
        }
    }

    private long section(Tenant tenant) {
        return tenantDb.mono(tenant, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
    }

    private Map<String, String> form(String email, String topic, String frequency) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("email", email);
        f.put("topic", topic);
        f.put("frequency", frequency);
        f.put("consent", "on");
        f.put("website", "");
        return f;
    }

    /** Posts the form from its own page, each time from another address unless told. */
    private HttpResponse<String> post(String host, String path, Map<String, String> form, String address) {
        return portals.browser(host).postForm(path, form, Map.of("X-Forwarded-For", address));
    }

    private HttpResponse<String> subscribe(Tenant tenant, String email, String topic, String frequency) {
        return post(TwoPortals.host(tenant), "/dang-ky-nhan-tin", form(email, topic, frequency), "198.51.100." + (++addresses));
    }

    private List<MailMessage> mailsTo(Tenant tenant, String email) {
        // oldest first (the outbox lists the newest first)
        List<MailMessage> mails = new java.util.ArrayList<>(outbox.messages(tenant, 500).block().stream().filter(m -> m.kind().equals(MailOutbox.KIND))
                .map(m -> outbox.payload(m, MailMessage.class)).filter(m -> m.to().contains(email)).toList());
        java.util.Collections.reverse(mails);
        return mails;
    }

    private static String link(Pattern pattern, MailMessage mail) {
        Matcher m = pattern.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        return m.group(1);
    }

    /** Subscribes and confirms through the pages; emits the confirmed address's unsubscribe path (from the first mail it gets later). */
    private void subscribeAndConfirm(Tenant tenant, String email, String topic, String frequency) {
        assertEquals(303, subscribe(tenant, email, topic, frequency).statusCode());
        List<MailMessage> mails = mailsTo(tenant, email);
        String confirm = link(CONFIRM, mails.get(mails.size() - 1));
        Browser b = portals.browser(TwoPortals.host(tenant));
        assertEquals(200, b.get(confirm).statusCode());
        HttpResponse<String> done = b.postForm(confirm, Map.of());
        assertEquals(200, done.statusCode(), done.body());
    }

    private SavedItem publishArticle(Tenant tenant, long section, String title) {
        String slug = "tin-dang-ky-" + (++slugs);
        long id = publishing.saveDraft(tenant, Draft.article(section, "vi", slug, title, "Tóm tắt: " + title, "<p>Nội dung</p>",
                portals.editorId(tenant))).block().id();
        return publishing.publish(tenant, id, portals.editorId(tenant)).block();
    }

    private SavedItem publishDocument(Tenant tenant, String title) {
        String slug = "van-ban-dang-ky-" + (++slugs);
        long id = publishing.saveDraft(tenant, new Draft(null, 0, "document", null, "vi", slug, title, "Trích yếu: " + title,
                "<p>Toàn văn</p>", null, null, null, false, portals.editorId(tenant))).block().id();
        return publishing.publish(tenant, id, portals.editorId(tenant)).block();
    }

    private void deliver() {
        outbox.deliver(portals.alpha()).block();
        outbox.deliver(portals.beta()).block();
    }

    private void takeDown(Tenant tenant, SavedItem item) {
        // past its retention period, so the ordinary takedown is allowed (RetentionTest covers the refusal)
        SqlProbe.run(this::jdbc, "UPDATE t_" + tenant.code() + ".content_items SET published_at = now() - interval '6 years' WHERE id = " + item.id());
        takeDown.takeDown(tenant, item.id(), item.version(),
                new Actor(portals.editorId(tenant), "Trưởng ban", Set.of(Role.values())), "Không còn phù hợp").block();
    }

    @Test
    void aConfirmedSubscriberGetsOneMessagePerPublicationWithOneClickUnsubscribe() {
        String email = "ban.doc@example.vn";
        assertEquals(303, subscribe(portals.alpha(), email, "section:" + alphaSection, "immediate").statusCode());
        MailMessage confirmation = mailsTo(portals.alpha(), email).get(0);
        assertTrue(confirmation.subject().startsWith("Xác nhận đăng ký nhận tin"), confirmation.subject());

        publishArticle(portals.alpha(), alphaSection, "Tin trước khi xác nhận");
        deliver();
        assertEquals(1, mailsTo(portals.alpha(), email).size(), "nothing is sent before the address is confirmed");

        String confirm = link(CONFIRM, confirmation);
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        assertTrue(reader.get(confirm).body().contains("Xác nhận đăng ký"), "the link shows a button; opening it changes nothing");
        assertEquals(200, reader.postForm(confirm, Map.of()).statusCode());

        publishArticle(portals.alpha(), alphaSection, "Hội nghị chuyển đổi số năm 2026");
        deliver();
        deliver();
        List<MailMessage> mails = mailsTo(portals.alpha(), email);
        assertEquals(2, mails.size(), "one message for the publication after the confirmation, however often the outbox runs");
        MailMessage news = mails.get(1);
        assertTrue(news.subject().contains("Hội nghị chuyển đổi số năm 2026"), news.subject());
        assertTrue(news.text().contains("http://" + TwoPortals.ALPHA_HOST), news.text());
        assertTrue(news.text().contains("Nguồn: Cục Alpha"), news.text());
        String unsubscribe = link(UNSUBSCRIBE, news);
        assertTrue(news.headers().get("List-Unsubscribe").contains(unsubscribe), news.headers().toString());
        assertEquals("List-Unsubscribe=One-Click", news.headers().get("List-Unsubscribe-Post"));

        // RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click" from no page of the portal, without login
        HttpResponse<String> gone = postOneClick(TwoPortals.ALPHA_HOST, unsubscribe);
        assertEquals(200, gone.statusCode(), gone.body());
        assertEquals(0L, count(portals.alpha(), "SELECT count(*) FROM subscriptions"), "the address is deleted at once");
        publishArticle(portals.alpha(), alphaSection, "Tin sau khi hủy");
        deliver();
        assertEquals(2, mailsTo(portals.alpha(), email).size());
        assertEquals(404, reader.get(unsubscribe).statusCode());
    }

    private HttpResponse<String> postOneClick(String host, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                    .header("Host", host).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(Tenant tenant, String sql) {
        return tenantDb.mono(tenant, c -> c.one(sql, r -> r.get(0, Long.class))).block();
    }

    @Test
    void theConfirmationLinkExpiresAfterADayAndUnconfirmedSubscriptionsArePurged() {
        String email = "cham.xac.nhan@example.vn";
        subscribe(portals.alpha(), email, "kind:document", "daily");
        String confirm = link(CONFIRM, mailsTo(portals.alpha(), email).get(0));
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        HttpResponse<String> late = portals.browser(TwoPortals.ALPHA_HOST).postForm(confirm, Map.of());
        assertEquals(410, late.statusCode());
        assertTrue(late.body().contains("hết hạn"), late.body());
        assertEquals(1L, count(portals.alpha(), "SELECT count(*) FROM subscriptions WHERE status = 'unconfirmed'"));
        clock.advance(Duration.ofDays(3));
        subscriptionMail.digests(portals.alpha()).block();
        assertEquals(0L, count(portals.alpha(), "SELECT count(*) FROM subscriptions"), "purged after three days unconfirmed");
    }

    @Test
    void theDailyDigestGoesOnceADayWithTheNewItemsButNotThoseTakenDown() {
        String email = "tong.hop@example.vn";
        subscribeAndConfirm(portals.alpha(), email, "kind:document", "daily");
        int before = mailsTo(portals.alpha(), email).size();
        publishDocument(portals.alpha(), "Quyết định số 101/QĐ-BKHCN về chuyển đổi số");
        SavedItem withdrawn = publishDocument(portals.alpha(), "Quyết định số 102/QĐ-BKHCN sẽ bị gỡ");
        takeDown(portals.alpha(), withdrawn);
        publishArticle(portals.alpha(), alphaSection, "Tin bài không phải văn bản");
        publishDocument(portals.beta(), "Văn bản của cổng Beta");
        deliver();
        assertEquals(before, mailsTo(portals.alpha(), email).size(), "a daily subscriber gets nothing immediately");

        assertEquals(1, subscriptionMail.digests(portals.alpha()).block());
        assertEquals(0, subscriptionMail.digests(portals.alpha()).block(), "one digest a day, however often the job runs");
        List<MailMessage> mails = mailsTo(portals.alpha(), email);
        assertEquals(before + 1, mails.size());
        MailMessage digest = mails.get(mails.size() - 1);
        assertTrue(digest.subject().startsWith("Bản tin tổng hợp ngày"), digest.subject());
        assertTrue(digest.text().contains("Quyết định số 101/QĐ-BKHCN về chuyển đổi số"), digest.text());
        assertFalse(digest.text().contains("102/QĐ-BKHCN"), "an item taken down before the digest is not sent");
        assertFalse(digest.text().contains("Tin bài không phải văn bản"));
        assertFalse(digest.text().contains("Beta"), "another tenant's document never reaches this subscriber");
        assertTrue(digest.headers().containsKey("List-Unsubscribe"));

        publishDocument(portals.alpha(), "Thông tư số 05/2026/TT-BKHCN");
        assertEquals(0, subscriptionMail.digests(portals.alpha()).block(), "the next item waits for the next day");
        clock.advance(Duration.ofDays(1));
        assertEquals(1, subscriptionMail.digests(portals.alpha()).block());
        MailMessage next = mailsTo(portals.alpha(), email).get(before + 1);
        assertTrue(next.text().contains("Thông tư số 05/2026/TT-BKHCN"), next.text());
        assertFalse(next.text().contains("101/QĐ-BKHCN"), "an item is never sent twice");
    }

    @Test
    void anotherTenantsPublicationsTokensAndHostNeverReachThisTenantsSubscribers() {
        String email = "cach.ly@example.vn";
        subscribeAndConfirm(portals.alpha(), email, "section:" + alphaSection, "immediate");
        subscribeAndConfirm(portals.beta(), "ban.doc.beta@example.vn", "section:" + betaSection, "immediate");
        int before = mailsTo(portals.alpha(), email).size();
        publishArticle(portals.beta(), betaSection, "Tin của cổng Beta");
        deliver();
        assertEquals(before, mailsTo(portals.alpha(), email).size(), "tenant B's publication never mails A's subscribers");
        assertEquals(1, mailsTo(portals.beta(), "ban.doc.beta@example.vn").size() - 1);

        publishArticle(portals.alpha(), alphaSection, "Tin của cổng Alpha");
        deliver();
        String unsubscribe = link(UNSUBSCRIBE, mailsTo(portals.alpha(), email).get(before));
        HttpResponse<String> elsewhere = postOneClick(TwoPortals.BETA_HOST, unsubscribe);
        assertEquals(404, elsewhere.statusCode(), "A's token means nothing on B's host");
        assertEquals(1L, count(portals.alpha(), "SELECT count(*) FROM subscriptions"));
        assertEquals(1L, count(portals.beta(), "SELECT count(*) FROM subscriptions"));
        String betaUnsubscribe = link(UNSUBSCRIBE, mailsTo(portals.beta(), "ban.doc.beta@example.vn").get(1));
        assertEquals(404, postOneClick(TwoPortals.ALPHA_HOST, betaUnsubscribe).statusCode(), "B's token cannot touch A");
        assertEquals(1L, count(portals.alpha(), "SELECT count(*) FROM subscriptions"));

        // a section id of B is not a topic on A's form
        HttpResponse<String> wrong = subscribe(portals.alpha(), "khac@example.vn", "section:999999", "immediate");
        assertEquals(400, wrong.statusCode());
    }

    @Test
    void theHoneypotAndTheRateLimitRefusePostsAndKeepWhatWasTyped() {
        Map<String, String> robot = form("robot@example.vn", "kind:document", "immediate");
        robot.put("website", "http://spam.example");
        HttpResponse<String> caught = post(TwoPortals.ALPHA_HOST, "/dang-ky-nhan-tin", robot, "203.0.113.7");
        assertEquals(400, caught.statusCode());
        assertTrue(mailsTo(portals.alpha(), "robot@example.vn").isEmpty());

        for (int i = 1; i <= 3; i++) {
            assertEquals(303, post(TwoPortals.ALPHA_HOST, "/dang-ky-nhan-tin", form("nguoi" + i + "@example.vn", "kind:document", "daily"),
                    "203.0.113.8").statusCode());
        }
        HttpResponse<String> limited = post(TwoPortals.ALPHA_HOST, "/en/dang-ky-nhan-tin", form("nguoi4@example.vn", "kind:document", "daily"),
                "203.0.113.8");
        assertEquals(429, limited.statusCode());
        assertTrue(limited.body().contains("Too many messages"), limited.body());
        assertTrue(limited.body().contains("nguoi4@example.vn"), "what was typed is kept");

        HttpResponse<String> invalid = post(TwoPortals.ALPHA_HOST, "/dang-ky-nhan-tin", form("khong-phai-thu", "kind:document", "daily"), "203.0.113.9");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("Xin nhập địa chỉ thư điện tử hợp lệ"), invalid.body());
        HttpResponse<String> foreign = portals.browser(TwoPortals.ALPHA_HOST).postForm("/dang-ky-nhan-tin",
                form("a@example.vn", "kind:document", "daily"), Map.of("Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode());
    }

    @Test
    void theFormIsOfferedInBothLanguagesWithLegalDocumentsFirst() {
        HttpResponse<String> vi = portals.browser(TwoPortals.ALPHA_HOST).get("/dang-ky-nhan-tin");
        assertEquals(200, vi.statusCode());
        int documents = vi.body().indexOf("value=\"kind:document\"");
        assertTrue(documents > 0 && documents < vi.body().indexOf("value=\"kind:consultation\""), "legal documents above all");
        assertTrue(vi.body().contains("value=\"section:" + alphaSection + "\""));
        assertTrue(vi.body().contains("href=\"/dang-ky-nhan-tin\""), "linked from the footer");
        HttpResponse<String> en = portals.browser(TwoPortals.ALPHA_HOST).get("/en/dang-ky-nhan-tin");
        assertEquals(200, en.statusCode());
        assertTrue(en.body().contains("Legal documents") && en.body().contains("Subscribe by e-mail"), en.body());
    }

    @Test
    void theTenantAdminSeesCountsNotAddressesAndRemovesAnAddressOnRequestAudited() {
        subscribeAndConfirm(portals.alpha(), "rieng.tu@example.vn", "kind:document", "immediate");
        subscribeAndConfirm(portals.alpha(), "rieng.tu@example.vn", "section:" + alphaSection, "daily");
        subscribe(portals.alpha(), "chua.xac.nhan@example.vn", "kind:document", "daily");
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> page = admin.get("/quan-tri/dang-ky-nhan-tin");
        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains("rieng.tu@example.vn"), "no addresses on the staff screen");
        assertTrue(page.body().contains("Văn bản"), page.body());

        HttpResponse<String> removed = admin.postForm("/quan-tri/dang-ky-nhan-tin/xoa-dia-chi",
                Map.of("email", "Rieng.Tu@example.vn", "csrfToken", vn.cong.admin.StaffForms.csrfToken(page)));
        assertEquals(303, removed.statusCode(), removed.body());
        assertEquals(0L, count(portals.alpha(), "SELECT count(*) FROM subscriptions WHERE lower(email) = 'rieng.tu@example.vn'"));
        assertEquals(1L, count(portals.alpha(), "SELECT count(*) FROM subscriptions"));
        assertEquals("2", SqlProbe.string(this::jdbc, "SELECT details->>'subscriptions' FROM t_alpha.audit_log WHERE action = 'subscription.removed_on_request'"));
        assertEquals(0L, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE details::text LIKE '%rieng.tu%'"));

        HttpResponse<String> editor = portals.editor(portals.alpha()).get("/quan-tri/dang-ky-nhan-tin");
        assertEquals(403, editor.statusCode(), "tenant admins only");
        HttpResponse<String> crossTenant = admin.at(TwoPortals.BETA_HOST).get("/quan-tri/dang-ky-nhan-tin");
        assertTrue(crossTenant.statusCode() == 303 || crossTenant.statusCode() == 401, "A's session means nothing on B: " + crossTenant.statusCode());
    }
}
