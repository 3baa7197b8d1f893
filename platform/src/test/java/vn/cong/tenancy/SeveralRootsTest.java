package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several root portals side by side (issue 12, item 1): each root answers on its own domain and on
 * {@code www.}, its members on {@code <abbrev>.<domain>}, its status page on {@code status.<domain>};
 * the operator console stays on the one configured operator host; links come from the registered hosts.
 */
@MicronautTest(transactional = false)
class SeveralRootsTest extends PlatformTestSupport {

    private static final String OPERATOR_HOST = "vanhanh.cong.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    PublicLinks links;

    private OnboardingReport mohaRoot;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator-host", OPERATOR_HOST);
    }

    @BeforeAll
    void onboardRoots() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        mohaRoot = onboard("""
                code: bnv
                name: {vi: Bộ Nội vụ Thử nghiệm, en: Ministry of Home Affairs (test)}
                abbreviation: www
                domain: moha.localhost
                parent: null
                sections: [{slug: tin-tuc, name: {vi: Tin tức, en: News}}]
                admin: {username: quantri, email: quantri@moha.example.vn}
                accounts: {mfaForLeaders: false, securityBriefing: false}
                """);
        onboard("""
                code: bnv_vptw
                name: {vi: Văn phòng Bộ Nội vụ Thử nghiệm, en: MOHA Office (test)}
                abbreviation: vanphong
                parent: bnv
                sections: [{slug: tin-tuc, name: {vi: Tin tức, en: News}}]
                admin: {username: quantri, email: quantri@vp.moha.example.vn, password: MatKhauVanPhong2026!}
                """);
        // the same label as a member of the ministry on most.localhost: labels are unique per domain
        onboard("""
                code: bnv_alpha
                name: {vi: Vụ Alpha Nội vụ, en: MOHA Alpha Department}
                abbreviation: alpha
                parent: bnv
                sections: [{slug: tin-tuc, name: {vi: Tin tức, en: News}}]
                admin: {username: quantri, email: quantri@alpha.moha.example.vn, password: MatKhauAlphaNv2026!}
                """);
        onboard("""
                code: skhcn_bd
                name: {vi: Sở Khoa học và Công nghệ Bình Định Thử nghiệm, en: Binh Dinh DOST (test)}
                abbreviation: skhcn
                domain: skhcn.binhdinh.localhost
                parent: null
                governingBody: {vi: Ủy ban nhân dân tỉnh Bình Định, en: Binh Dinh Provincial People's Committee, url: "https://binhdinh.gov.vn"}
                sections: [{slug: tin-tuc, name: {vi: Tin tức, en: News}}]
                admin: {username: quantri, email: quantri@skhcn.example.vn, password: MatKhauSoKhcn2026!}
                """);
    }

    private OnboardingReport onboard(String yaml) {
        var parsed = ManifestReader.parse(yaml);
        assertTrue(parsed.isValid(), parsed.errors().toString());
        OnboardingReport report = onboarding.onboard(parsed.value()).block();
        assertTrue(report.isValid(), report.toString());
        return report;
    }

    private String page(String host, String path) {
        var page = new Browser(server.getPort(), host).get(path);
        assertEquals(200, page.statusCode(), host + path);
        return page.body();
    }

    @Test
    void eachRootAnswersOnItsDomainAndWwwAndItsMembersOnTheirLabels() {
        assertTrue(page("moha.localhost", "/").contains("Bộ Nội vụ Thử nghiệm"));
        assertTrue(page("www.moha.localhost", "/").contains("Bộ Nội vụ Thử nghiệm"));
        assertTrue(page("vanphong.moha.localhost", "/").contains("Văn phòng Bộ Nội vụ Thử nghiệm"));
        assertTrue(page("alpha.moha.localhost", "/").contains("Vụ Alpha Nội vụ"));
        assertTrue(page("alpha.most.localhost", "/").contains("Cục Alpha"), "the same label on another domain is another portal");
        assertTrue(page("skhcn.binhdinh.localhost", "/").contains("Sở Khoa học và Công nghệ Bình Định"));
        assertTrue(page("www.skhcn.binhdinh.localhost", "/").contains("Sở Khoa học và Công nghệ Bình Định"));
        assertTrue(page("www.most.localhost", "/").contains("Bộ Thử nghiệm"));
        assertEquals(404, new Browser(server.getPort(), "vanphong.most.localhost").get("/").statusCode());
        assertEquals(404, new Browser(server.getPort(), "nothing.moha.localhost").get("/").statusCode());
        assertEquals("skhcn.binhdinh.localhost", registry.primaryHost(registry.findByCode("skhcn_bd").orElseThrow()));
        assertEquals("www.moha.localhost", registry.primaryHost(registry.findByCode("bnv").orElseThrow()));
    }

    @Test
    void aSecondRootOnADomainIsRefusedButARootOnItsOwnDomainIsNot() {
        OnboardingReport second = onboarding.onboard(ManifestReader.parse("""
                code: bnv_two
                name: {vi: Bộ thứ hai, en: Second ministry}
                abbreviation: bo2
                domain: moha.localhost
                parent: null
                """)).block();
        assertFalse(second.isValid());
        assertEquals(List.of("parent"), second.errors().stream().map(FieldError::field).toList());
        assertTrue(second.errors().get(0).message().contains("đã có cổng gốc «bnv»"), second.errors().toString());

        OnboardingReport inside = onboarding.onboard(ManifestReader.parse("""
                code: bnv_inside
                name: {vi: Trong miền Bộ, en: Inside the ministry's domain}
                abbreviation: www
                domain: so.moha.localhost
                parent: null
                """)).block();
        assertFalse(inside.isValid());
        assertEquals(List.of("domain"), inside.errors().stream().map(FieldError::field).toList(), inside.errors().toString());

        var memberWithDomain = ManifestReader.parse("""
                code: bnv_member_domain
                name: {vi: Đơn vị, en: Unit}
                abbreviation: donvi
                parent: bnv
                domain: khac.localhost
                """);
        assertFalse(memberWithDomain.isValid());
        assertEquals("domain", memberWithDomain.errors().get(0).field());

        OnboardingReport www = onboarding.onboard(ManifestReader.parse("""
                code: bnv_www
                name: {vi: Đơn vị www, en: www unit}
                abbreviation: www
                parent: bnv
                """)).block();
        assertFalse(www.isValid());
        assertTrue(www.errors().stream().allMatch(e -> e.field().equals("abbreviation")), www.errors().toString());
        assertTrue(page("www.moha.localhost", "/").contains("Bộ Nội vụ Thử nghiệm"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.tenants WHERE code LIKE 'bnv\\_%' AND code NOT IN ('bnv_vptw', 'bnv_alpha')"));
    }

    @Test
    void theDatabaseRefusesASecondRootOnTheSameDomainButTakesOneOnAnother() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqlProbe.run(this::jdbc, """
                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, schema_name, domain)
                VALUES ('eta', 'Eta', 'Eta', 'eta', 't_eta', 'moha.localhost')"""));
        assertTrue(refused.getCause().getMessage().contains("tenants_one_root_per_domain"), refused.getCause().getMessage());
        IllegalStateException sameLabel = assertThrows(IllegalStateException.class, () -> SqlProbe.run(this::jdbc, """
                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, parent_code, schema_name, domain)
                VALUES ('eta', 'Eta', 'Eta', 'vanphong', 'bnv', 't_eta', 'moha.localhost')"""));
        assertTrue(sameLabel.getCause().getMessage().contains("tenants_label_per_domain"), sameLabel.getCause().getMessage());
    }

    @Test
    void eachRootHasItsStatusPageShowingItsOwnPortals() {
        String moha = page("status.moha.localhost", "/trang-thai");
        assertTrue(moha.contains("Bộ Nội vụ Thử nghiệm") && moha.contains("Văn phòng Bộ Nội vụ Thử nghiệm"), moha);
        assertFalse(moha.contains("Bộ Thử nghiệm<") || moha.contains("Cục Alpha"), "another root's portals are not on it");
        assertTrue(moha.contains("moha.localhost"));
        String most = page("status.most.localhost", "/trang-thai");
        assertTrue(most.contains("Cục Alpha"));
        assertFalse(most.contains("Nội vụ"));
        assertTrue(page("status.skhcn.binhdinh.localhost", "/trang-thai").contains("Bình Định"));
        assertEquals(404, new Browser(server.getPort(), "status.vanphong.moha.localhost").get("/trang-thai").statusCode());
    }

    @Test
    void theOperatorConsoleIsOnTheOneConfiguredHostOnly() {
        var console = new Browser(server.getPort(), OPERATOR_HOST).get("/van-hanh/dang-nhap");
        assertEquals(200, console.statusCode());
        for (String host : List.of("admin.most.localhost", "admin.moha.localhost")) {
            assertEquals(404, new Browser(server.getPort(), host).get("/van-hanh/dang-nhap").statusCode(), host);
        }
        assertTrue(links.operator("/van-hanh").startsWith("http://" + OPERATOR_HOST + ":"));
    }

    @Test
    void absoluteLinksComeFromEachTenantsRegisteredHost() {
        assertTrue(mohaRoot.setPasswordLink().startsWith("http://www.moha.localhost:" + server.getPort() + "/"), mohaRoot.setPasswordLink());
        assertEquals("http://vanphong.moha.localhost:" + server.getPort() + "/x",
                links.tenant(registry.findByCode("bnv_vptw").orElseThrow(), "/x"));
        // a forged Host never ends up in a link: the member list on the root's home names the registered host
        String home = new Browser(server.getPort(), "MOHA.localhost:9999").get("/").body();
        assertTrue(home.contains("http://vanphong.moha.localhost:" + server.getPort() + "/"), "member link from its registered host");
        assertFalse(home.contains("9999"));
    }

    @Test
    void theGoverningBodyIsTheTenantsOwnSettingElseItsParent() {
        String bd = page("skhcn.binhdinh.localhost", "/");
        assertTrue(bd.contains("Ủy ban nhân dân tỉnh Bình Định"), "a provincial department names its province");
        assertTrue(bd.contains("https://binhdinh.gov.vn"));
        String member = page("vanphong.moha.localhost", "/");
        assertTrue(member.contains("Bộ Nội vụ Thử nghiệm") && member.contains("http://www.moha.localhost:"), "a member names its parent");
        String en = page("skhcn.binhdinh.localhost", "/en");
        assertTrue(en.contains("Binh Dinh Provincial People&#39;s Committee") || en.contains("Binh Dinh Provincial People's Committee"));
    }
}
