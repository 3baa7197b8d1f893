package vn.cong.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cong.accounts.PasswordHasher;
import vn.cong.ops.OperatorAudit;
import vn.cong.system.mail.MailConfiguration;
import vn.cong.system.mail.MailMessage;
import vn.cong.system.mail.Mailer;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * Attack list cases 25 (CR/LF in a logged field forges log lines) and 29 (CR/LF in a mail header).
 * Log lines are checked as the configured console appender writes them, not as events.
 */
@MicronautTest(transactional = false)
class LogAndMailInjectionTest extends PlatformTestSupport {

    private static final String CONSOLE = "admin.most.localhost";
    private static final String FORGED = "12:00:00.000 INFO  [main] tenant= req= vn.cong.ops.OperatorAudit - Operator vanhanh (console from 10.0.0.1): ops.login - ok {}";

    @Inject
    EmbeddedServer server;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash("MatKhauVanHanh2026!"));
    }

    @BeforeAll
    void capture() {
        captured.start();
        ((Logger) LoggerFactory.getLogger(OperatorAudit.class)).addAppender(captured);
    }

    @AfterAll
    void release() {
        ((Logger) LoggerFactory.getLogger(OperatorAudit.class)).detachAppender(captured);
    }

    /** The text the platform's configured console appender writes for an event. */
    private static String written(ILoggingEvent event) {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void aUsernameWithLineBreaksTypedAtTheConsoleStaysOneLogLine() {
        Browser browser = new Browser(server.getPort(), CONSOLE);
        String token = csrfToken(browser.get("/van-hanh/dang-nhap"));
        for (String breakIn : new String[]{"\r\n", "\n", "\r", "\u2028", "\u0085"}) {
            captured.list.clear();
            assertEquals(401, browser.postForm("/van-hanh/dang-nhap", Map.of("username", "khach" + breakIn + FORGED,
                    "password", "sai-mat-khau", "csrfToken", token)).statusCode());
            List<ILoggingEvent> lines = captured.list.stream().filter(e -> e.getFormattedMessage().contains("ops.login.failed")).toList();
            assertEquals(1, lines.size(), captured.list.toString());
            String written = written(lines.get(0));
            assertTrue(written.endsWith(System.lineSeparator()), written);
            String body = written.substring(0, written.length() - System.lineSeparator().length());
            assertFalse(body.contains("\n") || body.contains("\r") || body.contains("\u2028") || body.contains("\u0085"),
                    "a forged line was written: " + Arrays.toString(body.split("\\R")));
        }
    }

    @Test
    void lineBreaksInAMailSubjectAddNoHeaderAndNoRecipient() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Mailer mailer = new Mailer(new MailConfiguration("127.0.0.1", smtp.getSmtp().getPort(), "noreply@most.localhost", "none",
                    null, null, Duration.ofSeconds(10)), executor);
            for (String subject : new String[]{"Plain title\r\nBcc: evil@attacker.example\r\nX-Injected: 1",
                    "Tin mới\r\nBcc: evil@attacker.example\r\nX-Injected: 1", "Title\nCc: evil@attacker.example"}) {
                try {
                    mailer.send(new MailMessage(List.of("bientap@alpha.vn"), subject, "Nội dung.\r\nBcc: evil@attacker.example")).block();
                } catch (RuntimeException refused) {
                    continue; // refusing such a subject outright is safe too
                }
            }
            for (MimeMessage m : smtp.getReceivedMessages()) {
                assertEquals(List.of("bientap@alpha.vn"), Arrays.stream(m.getAllRecipients()).map(Object::toString).toList());
                assertEquals(null, m.getRecipients(Message.RecipientType.BCC));
                assertEquals(null, m.getRecipients(Message.RecipientType.CC));
                assertEquals(null, m.getHeader("X-Injected"));
                assertFalse(m.getSubject().contains("\n") || m.getSubject().contains("\r"), m.getSubject());
            }
            assertEquals(0, smtp.getReceivedMessagesForDomain("attacker.example").length);
        } finally {
            executor.shutdownNow();
            smtp.stop();
        }
    }
}
