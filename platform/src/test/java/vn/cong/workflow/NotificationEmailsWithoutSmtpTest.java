package vn.cong.workflow;

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
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without an SMTP host the workflow works as before; notifications wait in the app, nothing is mailed. */
@MicronautTest(transactional = false)
class NotificationEmailsWithoutSmtpTest extends PlatformTestSupport {

    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject SubmitItem submit;
    @Inject NotificationEmails emails;

    private Tenant alpha;
    private Staff staff;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.mail.host", "");
    }

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        alpha = registry.findByCode("alpha").orElseThrow();
        staff = Staff.create(accounts, alpha);
    }

    @Test
    void theWorkflowNotifiesInTheAppAndTheJobSendsNothing() {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        SavedItem d = Staff.draft(publishing, alpha, section, "tin-khong-thu", staff.get(Role.CONTRIBUTOR));
        Outcome o = submit.submit(alpha, d.id(), d.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE)).block();
        assertEquals("submitted", o.state());
        String rows = "SELECT count(*) FROM t_alpha.notifications n" + NotificationEmailsTest.emailOf("alpha") + " WHERE n.item_id = " + o.itemId();
        assertTrue(SqlProbe.number(this::jdbc, rows) >= 1, "the editors are notified in the app");

        assertEquals(0, emails.deliver().block());
        assertEquals(SqlProbe.number(this::jdbc, rows), SqlProbe.number(this::jdbc, rows + " AND e.status = 'pending' AND e.attempts = 0"),
                "the rows wait untouched (mailed once SMTP is configured, unless older than max-age by then)");
    }
}
