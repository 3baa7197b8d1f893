package vn.cong.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * Attack list case 15: password guessing is slowed down without handing the guesser a switch that
 * locks the real person out, and the answers do not tell which usernames exist. The platform sits
 * behind a trusted proxy here, so each request names its client address in {@code X-Forwarded-For}.
 */
@MicronautTest(transactional = false)
class LoginAttacksTest extends PlatformTestSupport {

    private static final String ALPHA = AttackListTest.ALPHA;
    private static final String RIGHT = "MatKhauAlpha2026!";

    /** Time stands still: the throttle's delays (1 s, 2 s, …) are not crossed by a slow machine between two attempts. */
    final MutableClock clock = MutableClock.startingNow();

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration accounts;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "127.0.0.1");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        accounts.create(registry.findByCode("alpha").orElseThrow(), 1,
                new AccountDetails("bientap", "bientap@alpha.vn", "Biên Tập Viên", "Ban biên tập", "", ""),
                Set.of(Role.EDITOR), "BienTap-Alpha-2026!").block();
    }

    /** One login attempt from a fresh browser at the given client address. */
    private HttpResponse<String> attempt(String clientAddress, String username, String password) {
        Browser b = new Browser(server.getPort(), ALPHA);
        Map<String, String> from = Map.of("X-Forwarded-For", clientAddress);
        HttpResponse<String> form = b.get("/quan-tri/dang-nhap", from);
        return b.postForm("/quan-tri/dang-nhap", Map.of("username", username, "password", password, "csrfToken", csrfToken(form)), from);
    }

    @Test
    void anAnonymousGuesserCannotLockTheAdminOut() {
        for (int i = 0; i < 12; i++) {
            assertNotEquals(303, attempt("203.0.113.7", "quantri", "DoanMo" + i + "-2026!").statusCode(), "guess " + i);
        }
        HttpResponse<String> realAdmin = attempt("198.51.100.20", "quantri", RIGHT);
        assertEquals(303, realAdmin.statusCode(), "the right password from an address with no failures works: " + text(realAdmin));
        assertEquals("/quan-tri", realAdmin.headers().firstValue("Location").orElse(""));
    }

    @Test
    void guessesAtAUsernameThatExistsAndOneThatDoesNotGetTheSameAnswers() {
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> known = attempt("203.0.113.8", "bientap", "Sai" + i + "-MatKhau-2026");
            HttpResponse<String> unknown = attempt("203.0.113.9", "khong-co-ai", "Sai" + i + "-MatKhau-2026");
            assertEquals(known.statusCode(), unknown.statusCode(), "attempt " + i);
            assertEquals(text(known).replaceAll("\\d+", "#"), text(unknown).replaceAll("\\d+", "#"),
                    "attempt " + i + " tells an existing username apart");
            assertEquals(known.headers().firstValue("Retry-After").isPresent(), unknown.headers().firstValue("Retry-After").isPresent(),
                    "attempt " + i);
        }
    }
}
