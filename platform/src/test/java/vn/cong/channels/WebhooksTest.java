package vn.cong.channels;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffForms;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Actor;
import vn.cong.workflow.TakeDownItem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Push to channels (issue 11, point 4): publications, corrections and takedowns delivered to the tenant's webhooks
 * through the outbox, signed with HMAC-SHA256, with one delivery id kept across retries (1 min, 5 min, 30 min, 2 h,
 * 12 h, then failed with an alert), driven by an injected clock; addresses on private networks refused when saved
 * and again when delivering; a tenant's events never reach another tenant's channels.
 */
@MicronautTest(transactional = false)
class WebhooksTest extends PlatformTestSupport {

    private static final String SECRET = "bi-mat-kenh-thu-nghiem-2026";

    private final MutableClock clock = MutableClock.startingNow();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer receiver;

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    TakeDownItem takeDown;
    @Inject
    Channels channels;
    @Inject
    Outbox outbox;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    JsonMapper json;

    private TwoPortals portals;
    private long section;

    record Received(String path, Map<String, String> headers, byte[] body) {
    }

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.channels.allowed-networks", "127.0.0.1/32");
    }

    @BeforeAll
    void setUp() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        portals = TwoPortals.onboard(context);
        section = tenantDb.mono(portals.alpha(), c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void noChannelsYet() {
        for (Tenant t : List.of(portals.alpha(), portals.beta())) {
            tenantDb.mono(t, c -> c.update("DELETE FROM channels")).block();
        }
        received.clear();
        answer.set(200);
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private SavedItem publish(Tenant tenant, String slug, String title) {
        long id = publishing.saveDraft(tenant, Draft.article(section, "vi", slug, title, "Tóm tắt " + title, "<p>Nội dung</p>",
                portals.editorId(tenant))).block().id();
        return publishing.publish(tenant, id, portals.editorId(tenant)).block();
    }

    private void deliverDue() {
        outbox.deliver(portals.alpha()).block();
        outbox.deliver(portals.beta()).block();
    }

    private Map<String, Object> body(Received r) throws IOException {
        return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void aPublicationReachesTheReceiverSignedWithTheChannelSecret() throws IOException {
        channels.add(portals.alpha(), "eNetViet", receiverUrl("/alpha"), SECRET, null).block();
        publish(portals.alpha(), "tin-kenh-1", "Tin gửi tới eNetViet");
        assertTrue(received.isEmpty(), "publishing does not wait for the receiver: the outbox sends");
        deliverDue();

        assertEquals(1, received.size());
        Received r = received.get(0);
        String timestamp = r.headers().get("x-cong-timestamp");
        assertEquals(WebhookSignature.sign(SECRET, Long.parseLong(timestamp), r.body()), r.headers().get("x-cong-signature"));
        assertTrue(r.headers().get("x-cong-signature").startsWith("sha256="));
        Map<String, Object> body = body(r);
        assertEquals("published", body.get("event"));
        assertEquals(r.headers().get("x-cong-delivery"), body.get("id"));
        assertEquals("Nguồn: Cục Alpha", body.get("source"));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) body.get("item");
        assertEquals("Tin gửi tới eNetViet", item.get("title"));
        URI url = URI.create((String) item.get("url"));
        assertEquals(TwoPortals.ALPHA_HOST, url.getHost());
        assertEquals("/bai-viet/tin-kenh-1", url.getPath());

        Channels.Delivery delivery = channels.deliveries(portals.alpha(), 10).block().get(0);
        assertEquals("delivered", delivery.status());
        assertEquals(r.headers().get("x-cong-delivery"), delivery.id().toString());
        deliverDue();
        assertEquals(1, received.size(), "a delivered event is not sent again");
    }

    @Test
    void twoNodesDeliveringAtOnceSendEachEventOnceAndRecordOneSuccess() {
        channels.add(portals.alpha(), "eNetViet", receiverUrl("/alpha"), SECRET, null).block();
        for (int i = 1; i <= 5; i++) {
            publish(portals.alpha(), "tin-hai-nut-" + i, "Tin hai nút " + i);
        }
        reactor.core.publisher.Mono.zip(outbox.deliver(portals.alpha()).subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
                outbox.deliver(portals.alpha()).subscribeOn(reactor.core.scheduler.Schedulers.parallel())).block();
        assertEquals(5, received.size());
        assertEquals(5, received.stream().map(r -> r.headers().get("x-cong-delivery")).distinct().count());
        assertTrue(channels.deliveries(portals.alpha(), 10).block().stream().allMatch(d -> d.status().equals("delivered") && d.attempts() == 1));
    }

    @Test
    void correctionsAndTakedownsAreDeliveredToo() throws IOException {
        channels.add(portals.alpha(), "Cổng Chính phủ", receiverUrl("/alpha"), SECRET, null).block();
        SavedItem published = publish(portals.alpha(), "tin-kenh-2", "Tin sẽ được đính chính");
        SavedItem corrected = publishing.correct(portals.alpha(), new Draft(published.id(), published.version(), "article", section, "vi",
                "tin-kenh-2", "Tin đã được đính chính", "Tóm tắt", "<p>Nội dung đúng</p>", null, null, null, false,
                portals.editorId(portals.alpha())), "Sửa tiêu đề cho đúng").block();
        // past its retention period (5 years), so the ordinary takedown is allowed (RetentionTest covers the refusal)
        vn.cong.testing.SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET published_at = now() - interval '6 years' WHERE id = "
                + published.id());
        takeDown.takeDown(portals.alpha(), published.id(), corrected.version(),
                new Actor(portals.editorId(portals.alpha()), "Trưởng ban", Set.of(Role.values())), "Không còn phù hợp").block();
        deliverDue();

        List<String> events = received.stream().map(r -> r.headers().get("x-cong-event")).toList();
        assertEquals(List.of("published", "corrected", "taken_down"), events);
        assertEquals(3, received.stream().map(r -> r.headers().get("x-cong-delivery")).distinct().count(), "one delivery id per event");
    }

    @Test
    void aFailedDeliveryIsRetriedAfterOneMinuteWithTheSameDeliveryId() {
        channels.add(portals.alpha(), "eNetViet", receiverUrl("/alpha"), SECRET, null).block();
        answer.set(500);
        publish(portals.alpha(), "tin-kenh-3", "Tin gửi lại");
        deliverDue();
        assertEquals(1, received.size());
        Channels.Delivery first = channels.deliveries(portals.alpha(), 10).block().get(0);
        assertEquals("pending", first.status());
        assertEquals(1, first.attempts());
        assertEquals("HTTP 500", first.lastResult());

        clock.advance(Duration.ofSeconds(50));
        deliverDue();
        assertEquals(1, received.size(), "not before a minute has passed");

        answer.set(204);
        clock.advance(Duration.ofSeconds(11));
        deliverDue();
        assertEquals(2, received.size());
        assertEquals(received.get(0).headers().get("x-cong-delivery"), received.get(1).headers().get("x-cong-delivery"));
        Channels.Delivery done = channels.deliveries(portals.alpha(), 10).block().get(0);
        assertEquals("delivered", done.status());
        assertEquals(2, done.attempts());
    }

    @Test
    void afterTheLastRetryTheDeliveryFailsAndTheTenantAdminsAreAlerted() {
        channels.add(portals.alpha(), "Kênh hỏng", receiverUrl("/alpha"), SECRET, null).block();
        answer.set(503);
        publish(portals.alpha(), "tin-kenh-4", "Tin không gửi được");
        deliverDue();
        for (Duration wait : WebhookDeliveries.RETRIES) {
            clock.advance(wait.plusSeconds(1));
            deliverDue();
        }
        assertEquals(6, received.size(), "the first attempt and five retries");
        assertEquals(1, received.stream().map(r -> r.headers().get("x-cong-delivery")).distinct().count());
        assertEquals("failed", channels.deliveries(portals.alpha(), 10).block().get(0).status());
        long alerts = tenantDb.mono(portals.alpha(), c -> c.one("""
                SELECT count(*) FROM notifications n JOIN accounts a ON a.id = n.account_id
                 WHERE 'tenant_admin' = ANY (a.roles) AND n.message LIKE 'Không gửi được «Tin không gửi được» tới kênh «Kênh hỏng»%'""",
                r -> r.get(0, Long.class))).block();
        assertTrue(alerts >= 1, "the tenant admin is told");
        clock.advance(Duration.ofDays(1));
        deliverDue();
        assertEquals(6, received.size(), "a failed delivery is not tried again");
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedUnlessTheOperatorAllowedThem() {
        for (String url : List.of("http://10.0.0.5/hook", "http://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:8080/hook", "http://[fd00::1]/hook", "http://100.64.0.1/", "ftp://example.vn/hook", "http://user@example.vn/")) {
            ChannelRejected e = assertThrows(ChannelRejected.class, () -> channels.add(portals.alpha(), "Nội bộ", url, SECRET, null).block(), url);
            assertTrue(e.problems().containsKey("url"), url + " " + e.problems());
        }
        // 127.0.0.1/32 is allowed by this test's configuration (cong.channels.allowed-networks)
        assertTrue(channels.add(portals.alpha(), "Cục bộ", receiverUrl("/alpha"), SECRET, null).block().id() > 0);
        assertFalse(ChannelAddresses.isPublic(IpOf.literal("127.0.0.1")));
    }

    @Test
    void theAddressIsCheckedAgainWhenDelivering() {
        // a channel that got past the check (a name that resolves elsewhere now): written behind the service's back
        tenantDb.mono(portals.alpha(), c -> c.update("INSERT INTO channels (name, url, secret) VALUES ('Đổi địa chỉ', 'http://10.1.2.3/hook', $1)",
                SECRET)).block();
        publish(portals.alpha(), "tin-kenh-5", "Tin tới địa chỉ nội bộ");
        deliverDue();
        Channels.Delivery d = channels.deliveries(portals.alpha(), 10).block().get(0);
        assertEquals("pending", d.status());
        assertTrue(d.lastResult().contains("nội bộ"), d.lastResult());
    }

    @Test
    void anotherTenantsChannelsNeverGetThisTenantsEvents() {
        channels.add(portals.beta(), "Kênh của Beta", receiverUrl("/beta"), SECRET, null).block();
        publish(portals.alpha(), "tin-kenh-6", "Tin riêng của Alpha");
        deliverDue();
        assertTrue(received.isEmpty(), received.toString());
        assertTrue(channels.deliveries(portals.beta(), 10).block().isEmpty());
        assertTrue(channels.deliveries(portals.alpha(), 10).block().isEmpty(), "alpha has no channel: nothing queued");
    }

    @Test
    void theTenantAdminAddsAChannelInTheStaffAreaAndSeesEachDeliverysStatus() {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> page = admin.get("/quan-tri/kenh-day-tin");
        assertEquals(200, page.statusCode());
        HttpResponse<String> refused = admin.postForm("/quan-tri/kenh-day-tin", Map.of("csrfToken", StaffForms.csrfToken(page),
                "name", "Kênh nội bộ thử", "url", "http://192.168.0.9/hook", "secret", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Kênh nội bộ thử"), "what was typed is kept");
        assertTrue(refused.body().contains("địa chỉ nội bộ"));

        HttpResponse<String> added = admin.postForm("/quan-tri/kenh-day-tin", Map.of("csrfToken", StaffForms.csrfToken(page),
                "name", "eNetViet thử", "url", receiverUrl("/alpha"), "secret", ""));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("chỉ hiện một lần"), "a made-up secret is shown once");
        publish(portals.alpha(), "tin-kenh-7", "Tin hiện trong danh sách gửi");
        deliverDue();
        String list = admin.get("/quan-tri/kenh-day-tin").body();
        assertTrue(list.contains("Tin hiện trong danh sách gửi") && list.contains("Đã gửi"), list);

        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        String betaList = betaAdmin.get("/quan-tri/kenh-day-tin").body();
        assertFalse(betaList.contains("eNetViet thử") || betaList.contains("Tin hiện trong danh sách gửi"), "beta sees none of alpha's");
        assertEquals(403, portals.editor(portals.alpha()).get("/quan-tri/kenh-day-tin").statusCode(), "for the tenant admin only");
    }

    /** An IP literal without a lookup. */
    private static final class IpOf {
        static java.net.InetAddress literal(String s) {
            return vn.cong.system.IpNetwork.literal(s);
        }
    }
}
