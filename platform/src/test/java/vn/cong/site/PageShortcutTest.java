package vn.cong.site;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantLifecycle;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cached pages answered before routing ({@link PageShortcut}): the same answer as the full path, only for what the full
 * path has answered with that page before, never across tenants, never out of order, never after a publication or a
 * suspension. Requests go over raw sockets so that exactly what is sent (one connection, keep-alive, pipelining) is known.
 */
@MicronautTest(transactional = false)
class PageShortcutTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";
    private static final String ARTICLE = "/bai-viet/chuyen-doi-so-2026";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    PageShortcut shortcut;
    @Inject
    Publishing publishing;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantLifecycle lifecycle;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String h1() {
            return Jsoup.parse(text()).selectFirst("h1").text();
        }
    }

    /** Sends the requests on one connection, all at once (pipelined), and reads their answers in order. */
    private List<Answer> send(String... requests) {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(String.join("", requests).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < requests.length; i++) {
                answers.add(read(in, requests[i].startsWith("HEAD ")));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(String host, String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + String.join("", headers) + "\r\n";
    }

    private Answer one(String host, String path, String... headers) {
        return send(get(host, path, headers)).get(0);
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends the request until the shortcut has learnt it (the first goes the full way), then returns both answers. */
    private Answer[] fullThenShortcut(String host, String path, String... headers) {
        Answer full = one(host, path, headers);
        long before = shortcut.answered();
        Answer quick = one(host, path, headers);
        assertEquals(before + 1, shortcut.answered(), host + path + " answered from the shortcut the second time");
        return new Answer[] {full, quick};
    }

    @Test
    void shortcutAnswersAsTheFullPathDoesHeadersAndBytes() {
        for (String[] encoding : new String[][] {{"Accept-Encoding: gzip\r\n"}, {}}) {
            Answer[] both = fullThenShortcut(ALPHA, ARTICLE, encoding);
            assertEquals(200, both[0].status());
            assertEquals(both[0].status(), both[1].status());
            assertArrayEquals(both[0].body(), both[1].body());
            Map<String, String> full = new LinkedHashMap<>(both[0].headers());
            Map<String, String> quick = new LinkedHashMap<>(both[1].headers());
            for (String varies : List.of("date", "x-request-id")) {
                assertNotNull(full.remove(varies), varies + " on the full path");
                assertNotNull(quick.remove(varies), varies + " from the shortcut");
            }
            assertEquals(full, quick);
        }
        assertEquals("gzip", one(ALPHA, ARTICLE, "Accept-Encoding: gzip\r\n").headers().get("content-encoding"));
        assertEquals("cong-test-42", one(ALPHA, ARTICLE, "X-Request-Id: cong-test-42\r\n").headers().get("x-request-id"),
                "a sane request id is echoed, as the full path does");
    }

    @Test
    void anotherTenantsHostNeverGetsTheLearntPage() {
        fullThenShortcut(ALPHA, ARTICLE);
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", one(ALPHA, ARTICLE).h1());
        assertEquals("Viện Beta tổng kết chuyển đổi số", one(BETA, ARTICLE).h1());
        // a forwarded host counts only from a trusted proxy (none here): the Host header chooses the tenant
        assertEquals("Cục Alpha ra mắt nền tảng số riêng", one(ALPHA, ARTICLE, "X-Forwarded-Host: " + BETA + "\r\n").h1());
        assertEquals(404, one("unknown.most.localhost", ARTICLE).status());
    }

    @Test
    void answersOnOneConnectionNeverOvertakeEachOther() {
        fullThenShortcut(ALPHA, "/");
        // the first goes the full way (a 404 page, slower), the second is cached: answers come back in the order asked
        List<Answer> answers = send(get(ALPHA, "/bai-viet/khong-co-bai-nay"), get(ALPHA, "/"), get(ALPHA, "/chuyen-muc/tin-hoat-dong?trang=1"),
                get(ALPHA, "/"));
        assertEquals(List.of(404, 200, 200, 200), answers.stream().map(Answer::status).toList());
        assertEquals("Tin hoạt động", answers.get(2).h1());
        assertEquals(answers.get(1).text(), answers.get(3).text());
    }

    @Test
    void requestsThatAreNotPlainReadsGoTheFullWay() {
        Answer[] both = fullThenShortcut(ALPHA, "/");
        long before = shortcut.answered();
        assertEquals(304, one(ALPHA, "/", "If-None-Match: " + both[1].headers().get("etag") + "\r\n").status());
        List<Answer> head = send("HEAD / HTTP/1.1\r\nHost: " + ALPHA + "\r\n\r\n");
        assertEquals(200, head.get(0).status());
        assertEquals(200, one(ALPHA, "/?utm_source=zalo").status());
        assertEquals(200, one(ALPHA, "/", "Connection: close\r\n").status());
        assertEquals(200, one(ALPHA, "/", "X-Cong-Shortcut: guessed\r\n").status());
        assertEquals(before + 1, shortcut.answered(), "only the request with a made-up learning ticket was a plain read");
    }

    @Test
    void publicationAndSuspensionSendTheNextRequestTheFullWay() throws SQLException {
        String section = "/chuyen-muc/tin-hoat-dong";
        fullThenShortcut(BETA, section);
        Tenant beta = registry.findByCode("beta").orElseThrow();
        SavedItem draft = publishing.saveDraft(beta, Draft.article(sectionId("beta", "tin-hoat-dong"), "vi", "tin-moi-tat",
                "Viện Beta đưa tin mới qua lối tắt", "", "<p>Tin.</p>", null)).block();
        assertNotNull(draft);
        publishing.publish(beta, draft.id(), null).block();
        long before = shortcut.answered();
        assertTrue(one(BETA, section).text().contains("Viện Beta đưa tin mới qua lối tắt"), "the new version, at once");
        assertEquals(before, shortcut.answered(), "the page of the new version was rendered by the full path");

        fullThenShortcut(BETA, section);
        lifecycle.change("beta", Tenant.TenantStatus.SUSPENDED, "Tạm dừng để kiểm tra.", "test").block();
        try {
            Answer suspended = one(BETA, section);
            assertEquals(503, suspended.status());
            assertFalse(suspended.text().contains("Viện Beta đưa tin mới qua lối tắt"));
        } finally {
            lifecycle.change("beta", Tenant.TenantStatus.ACTIVE, null, "test").block();
        }
        assertNotEquals(503, one(BETA, section).status());
    }

    private long sectionId(String code, String slug) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement("SELECT id FROM t_" + code + ".sections WHERE slug = ?")) {
            s.setString(1, slug);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
