package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationPreset;
import vn.cong.workflow.RegulationProfiles;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator chooses the regulation preset a tenant follows on the tenant's console page (issue 12, item 2). */
@MicronautTest(transactional = false)
class ConsoleRegulationPresetTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject RegulationProfiles profiles;
    @Inject io.micronaut.context.ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        return OperatorConsole.operatorProperties();
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    @Test
    void theOperatorChoosesAPresetOnTheTenantPageAuditedAndOtherTenantsKeepTheirs() {
        Browser operator = OperatorConsole.loggedIn(server.getPort());
        var page = OperatorConsole.html(operator.get("/van-hanh/cong/alpha"));
        assertEquals("Bộ Khoa học và Công nghệ (Quy chế 2024)", page.selectFirst(".current-preset").text());

        HttpResponse<String> chosen = operator.postForm("/van-hanh/cong/alpha/quy-dinh", Map.of("preset", "haiphong",
                "csrfToken", OperatorConsole.token(operator)));
        assertEquals(303, chosen.statusCode(), chosen.body());
        assertEquals("Sở GD&ĐT Hải Phòng (Quy chế 2022)", OperatorConsole.html(operator.get("/van-hanh/cong/alpha")).selectFirst(".current-preset").text());
        var alpha = profiles.profile(registry.findByCode("alpha").orElseThrow()).block();
        assertEquals(RegulationPreset.HAI_PHONG, alpha.preset());
        assertEquals("daily", alpha.values().get(ProfileValue.BACKUP_FREQUENCY), "every value follows the new preset");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'regulation.preset_chosen'"
                + " AND details->>'to' = 'haiphong'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.tenant.profile'"
                + " AND tenant_code = 'alpha'"));
        assertEquals(RegulationPreset.MOST, profiles.profile(registry.findByCode("beta").orElseThrow()).block().preset(), "beta keeps its own");

        HttpResponse<String> unknown = operator.postForm("/van-hanh/cong/alpha/quy-dinh", Map.of("preset", "hanoi",
                "csrfToken", OperatorConsole.token(operator)));
        assertEquals(422, unknown.statusCode());
        assertTrue(OperatorConsole.html(unknown).text().contains("Hãy chọn một bộ quy định trong danh sách."));
    }

    @Test
    void theTenantPageShowsTheFederationChoicesOfTheMemberAndOfTheRoot() {
        var federation = context.getBean(vn.cong.federation.FederationChoices.class);
        federation.saveMember(registry.findByCode("alpha").orElseThrow(), true, false, null).block();
        Browser operator = OperatorConsole.loggedIn(server.getPort());
        assertEquals("Tìm kiếm toàn Bộ Tham gia Tin từ các đơn vị trên cổng Bộ Không tham gia",
                OperatorConsole.html(operator.get("/van-hanh/cong/alpha")).selectFirst("dl.federation").text());
        assertEquals("Tìm kiếm toàn Bộ Không tham gia Tin từ các đơn vị trên cổng Bộ Không tham gia",
                OperatorConsole.html(operator.get("/van-hanh/cong/beta")).selectFirst("dl.federation").text());
        assertEquals("Khối «Tin từ các đơn vị» trên trang chủ Tắt",
                OperatorConsole.html(operator.get("/van-hanh/cong/bo")).selectFirst("dl.federation").text());
    }
}
