package vn.cong.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the {@code dev} environment the console lists outgoing mail: a tenant onboarded without a password
 * gets its set-password link by e-mail, which waits (no SMTP here) and is shown with its link clickable;
 * the link itself is never written to the log.
 */
@MicronautTest(environments = "dev", transactional = false)
class DevMailViewerTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private OnboardingReport report;

    @Override
    protected Map<String, String> extraProperties() {
        return OperatorConsole.operatorProperties();
    }

    @BeforeAll
    void onboardWithoutPassword() {
        TestTenants.onboard(onboarding, "ministry");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            var manifest = ManifestReader.parse("""
                    code: thumoi
                    name: {vi: Cục Thư Mới, en: New Mail Department}
                    abbreviation: thumoi
                    parent: bo
                    theme: default
                    admin: {username: quantri, email: quantri@thumoi.example.vn}
                    """);
            assertTrue(manifest.isValid(), manifest.errors().toString());
            report = onboarding.onboard(manifest.value()).block();
        } finally {
            root.detachAppender(log);
        }
        assertNotNull(report);
        assertNotNull(report.setPasswordLink(), report.toString());
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Test
    void theSetPasswordLinkOfAnOnboardedAdminIsInTheMailViewerAndOpens() {
        Browser console = OperatorConsole.loggedIn(server.getPort());
        HttpResponse<String> page = console.get(Console.ROOT + "/thu");
        assertEquals(200, page.statusCode(), page.body());
        Document html = OperatorConsole.html(page);
        assertNotNull(html.selectFirst("nav a[href=/van-hanh/thu]"), "the console menu leads to the viewer");

        Element mail = html.select("article.mail[data-tenant=thumoi]").stream()
                .filter(m -> m.selectFirst(".mail-subject").text().contains("Đặt mật khẩu")).findFirst().orElseThrow(() -> new AssertionError(page.body()));
        assertEquals("quantri@thumoi.example.vn", mail.selectFirst(".mail-to").text());
        assertEquals("[Cục Thư Mới] Đặt mật khẩu tài khoản quản trị", mail.selectFirst(".mail-subject").text());
        assertEquals("Chờ gửi", mail.selectFirst(".state").text(), "no SMTP: the mail waits, visible here");
        Element link = mail.selectFirst(".mail-body a[href]");
        assertNotNull(link, mail.outerHtml());
        assertEquals(report.setPasswordLink(), link.attr("href"), "the same one-time link the onboarding report gave");

        // following it leads to the set-password form of the tenant's host
        URI target = URI.create(link.attr("href"));
        HttpResponse<String> form = new Browser(server.getPort(), target.getHost()).get(target.getRawPath() + "?" + target.getRawQuery());
        assertEquals(200, form.statusCode(), form.body());
    }

    @Test
    void theLinksTokenIsNotInTheLog() {
        String token = token(report.setPasswordLink());
        List<String> lines = log.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("set-password link issued for quantri")), "the log says a link was issued: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains(token)), "no line carries the token");
    }
}
