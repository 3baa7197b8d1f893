package vn.cong.workflow;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflow reads the time from the platform's {@link Clock}: a test moves it instead of waiting, and
 * deadlines are counted from the clock's time, not the machine's.
 */
@MicronautTest(transactional = false)
class WorkflowClockTest extends PlatformTestSupport {

    // forty days ahead: far past any deadline the real time would give
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MILLIS));

    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject WorkflowPolicies policies;
    @Inject Publishing publishing;
    @Inject SubmitItem submit;

    private Tenant alpha;
    private Staff staff;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        alpha = registry.findByCode("alpha").orElseThrow();
        policies.choose(alpha, "most").block(); // (the default) its editing deadline counts hours from receipt
        staff = Staff.create(accounts, alpha);
    }

    @Test
    void aSubmissionsDeadlineIsCountedFromTheClock() {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        SavedItem d = Staff.draft(publishing, alpha, section, "tin-theo-dong-ho", staff.get(Role.CONTRIBUTOR));
        Outcome o = submit.submit(alpha, d.id(), d.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE)).block();
        assertEquals("submitted", o.state());

        long dueAfterClock = SqlProbe.number(this::jdbc, "SELECT extract(epoch FROM due_at - '" + clock.instant()
                + "'::timestamptz)::bigint FROM t_alpha.workflow_runs WHERE item_id = " + o.itemId());
        assertTrue(dueAfterClock > 0 && dueAfterClock <= Duration.ofDays(10).toSeconds(),
                "due within days of the clock's time, not of the machine's: " + dueAfterClock + " s after the clock");
    }
}
