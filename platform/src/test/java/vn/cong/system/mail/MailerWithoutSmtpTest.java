package vn.cong.system.mail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cong.ops.OperatorAlerts;
import vn.cong.testing.PlatformTestSupport;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Without an SMTP host, e-mail is simply off: nothing is sent, nothing fails, nothing alarming is logged. */
@MicronautTest(transactional = false)
class MailerWithoutSmtpTest extends PlatformTestSupport {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @Inject
    Mailer mailer;
    @Inject
    OperatorAlerts alerts;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.mail.host", "", "cong.alerts.email-to", "truc-ban@most.localhost");
    }

    @BeforeAll
    void capture() {
        captured.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(captured);
    }

    @AfterAll
    void release() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
    }

    @Test
    void sendingWithoutAnSmtpHostCompletesAndSendsNothing() {
        assertFalse(mailer.isConfigured());
        String signal = mailer.send(new MailMessage(List.of("truc-ban@most.localhost"), "Thử", "Nội dung"))
                .materialize().map(s -> s.getType().name()).block();
        assertEquals("ON_COMPLETE", signal, "completes empty, without an error");

        alerts.raise(Map.of("event", "test"), "Cảnh báo thử", "Nội dung cảnh báo thử");
        List<ILoggingEvent> alarming = captured.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("vn.cong.system.mail") || e.getLoggerName().equals(OperatorAlerts.class.getName()))
                .toList();
        assertEquals(List.of(), alarming.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
}
