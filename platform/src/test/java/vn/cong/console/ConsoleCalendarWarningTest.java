package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console warns 60 days before a year without a holiday calendar starts (the clock injected, never waited for). */
@MicronautTest(transactional = false)
class ConsoleCalendarWarningTest extends PlatformTestSupport {

    /** 01/11/2027 00:00 in Vietnam: 61 days before 2028, which the bundled calendar does not have. */
    final MutableClock clock = new MutableClock(Instant.parse("2027-10-31T17:00:00Z"));

    @Inject
    EmbeddedServer server;

    @MockBean(java.time.Clock.class)
    java.time.Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return OperatorConsole.operatorProperties();
    }

    @Test
    void theDashboardWarnsSixtyDaysBeforeAYearWithoutACalendar() {
        Browser console = OperatorConsole.loggedIn(server.getPort());
        var before = OperatorConsole.html(console.get(Console.ROOT));
        assertFalse(before.text().contains("chưa có năm 2028"), "61 days before: no warning yet");
        assertTrue(before.select("#lich-nghi-le").isEmpty(), "2027's provisional holidays are past: nothing to do");

        clock.advance(Duration.ofDays(1));
        var page = console.get(Console.ROOT);
        assertEquals(200, page.statusCode());
        assertTrue(OperatorConsole.html(page).select("#lich-nghi-le").text()
                .contains("Lịch nghỉ lễ chưa có năm 2028 (bắt đầu sau 60 ngày)"), page.body());
    }
}
