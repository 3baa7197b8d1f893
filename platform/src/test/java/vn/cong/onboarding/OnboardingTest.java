package vn.cong.onboarding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.tenancy.manifest.ManifestReader;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OnboardingTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    PasswordHasher hasher;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private OnboardingReport apply(String yaml) {
        return onboarding.onboard(ManifestReader.parse(yaml)).block();
    }

    private static List<String> fields(OnboardingReport report) {
        return report.errors().stream().map(FieldError::field).toList();
    }

    private static final String GAMMA = """
            code: gamma
            name: {vi: Trung tâm Gamma, en: Gamma Centre}
            abbreviation: gamma
            parent: bo
            sections:
              - slug: tin-hoat-dong
                name: {vi: Tin của Gamma, en: Gamma news}
            admin: {username: quantri, email: quantri@gamma.example.vn, password: MatKhauGamma2026!}
            articles:
              - slug: chuyen-doi-so-2026
                section: tin-hoat-dong
                title: "Gamma viết bài cùng đường dẫn"
                body: "<p>Của Gamma.</p>"
            """;

    @Test
    void sameManifestTwiceCreatesNothingTwice() throws SQLException {
        OnboardingReport first = apply(GAMMA.replace("gamma", "delta").replace("Gamma", "Delta"));
        assertTrue(first.created(), first.toString());
        assertEquals(1, first.sectionsChanged());
        assertEquals(1, first.articlesAdded());
        assertTrue(first.adminCreated());

        OnboardingReport second = apply(GAMMA.replace("gamma", "delta").replace("Gamma", "Delta"));
        assertTrue(second.isValid(), second.toString());
        assertFalse(second.created());
        assertEquals(List.of(), second.updated());
        assertEquals(0, second.sectionsChanged());
        assertEquals(0, second.articlesAdded());
        assertFalse(second.adminCreated());
        assertFalse(second.changedAnything());
        assertEquals(1, count("SELECT count(*) FROM platform.tenants WHERE code = 'delta'"));
        assertEquals(1, count("SELECT count(*) FROM t_delta.sections"));
        assertEquals(1, count("SELECT count(*) FROM t_delta.content_items"));
        assertEquals(1, count("SELECT count(*) FROM t_delta.accounts"));
    }

    @Test
    void changedNameIsReportedAsTheUpdatedField() {
        String manifest = GAMMA.replace("gamma", "epsilon").replace("Gamma", "Epsilon");
        assertTrue(apply(manifest).created());
        OnboardingReport renamed = apply(manifest.replace("vi: Trung tâm Epsilon", "vi: Trung tâm Epsilon mới"));
        assertFalse(renamed.created());
        assertEquals(List.of("name.vi"), renamed.updated());
    }

    @Test
    void manifestWithSeveralProblemsListsEveryFieldError() {
        OnboardingReport report = apply("""
                code: Sai Ma
                name: {vi: Thiếu tên tiếng Anh}
                abbreviation: alpha
                parent: khongco
                aliases: [www.alpha-cuc.vn, not a host]
                admin: {username: quantri, email: khong-phai-email, password: ngan}
                linkedSites: [{name: {vi: A, en: A}, url: https://a.example.vn}]
                colour: red
                """);
        assertFalse(report.isValid());
        List<String> fields = fields(report);
        // the reader's findings and the checks against other tenants (parent, abbreviation, aliases) together
        for (String expected : List.of("code", "name.en", "aliases[1]", "admin.email", "admin.password", "colour",
                "linkedSites", "parent", "abbreviation", "aliases")) {
            assertTrue(fields.contains(expected), "missing error for " + expected + " in " + report.errors());
        }
        assertEquals(1, fields.stream().filter("parent"::equals).count(), report.errors().toString());
        assertEquals(0, countQuietly("SELECT count(*) FROM platform.tenants WHERE abbreviation = 'alpha' AND code <> 'alpha'"));
    }

    @Test
    void unknownParentIsRefused() {
        OnboardingReport report = apply(GAMMA.replace("parent: bo", "parent: khongco"));
        assertEquals(List.of("parent"), fields(report));
        assertEquals("not-run", report.migrationStatus());
    }

    @Test
    void abbreviationUsedByAnotherTenantIsRefused() {
        OnboardingReport report = apply(GAMMA.replace("abbreviation: gamma", "abbreviation: beta"));
        assertEquals(List.of("abbreviation"), fields(report));
        assertTrue(report.errors().get(0).message().contains("beta.most.localhost"));
    }

    @Test
    void aliasOwnedByAnotherTenantIsRefused() {
        OnboardingReport report = apply(GAMMA.replace("parent: bo", "parent: bo\naliases: [www.alpha-cuc.vn]"));
        assertEquals(List.of("aliases"), fields(report));
    }

    @Test
    void platformHostLabelsAreReserved() {
        assertEquals(List.of("abbreviation"), fields(apply(GAMMA.replace("abbreviation: gamma", "abbreviation: admin"))));
        assertEquals(List.of("abbreviation"), fields(apply(GAMMA.replace("abbreviation: gamma", "abbreviation: status"))));
    }

    @Test
    void parentLoopIsRefused() {
        // bo is alpha's parent: making alpha bo's parent would close a loop
        String ministry = TestTenants.read("manifests/ministry.yaml").replace("parent: null", "parent: alpha")
                .replaceAll("(?s)linkedSites:.*?(?=articles:)", "");
        assertEquals(List.of("parent"), fields(apply(ministry)));
    }

    @Test
    void onboardingOneTenantNeverTouchesAnotherTenantsSectionsOrAccounts() throws SQLException {
        String betaHashBefore = text("SELECT password_hash FROM t_beta.accounts WHERE username = 'quantri'");
        String betaSectionBefore = text("SELECT name_vi FROM t_beta.sections WHERE slug = 'tin-hoat-dong'");
        String betaArticleBefore = text("SELECT title FROM t_beta.content_items WHERE slug = 'chuyen-doi-so-2026'");

        // same section slug, same admin username, same article slug as beta — and a try at beta's host
        OnboardingReport gamma = apply(GAMMA);
        assertTrue(gamma.created(), gamma.toString());
        OnboardingReport grab = apply(GAMMA.replace("abbreviation: gamma", "abbreviation: beta"));
        assertFalse(grab.isValid());

        assertEquals(betaHashBefore, text("SELECT password_hash FROM t_beta.accounts WHERE username = 'quantri'"));
        assertTrue(hasher.matches("MatKhauBeta2026!", betaHashBefore));
        assertEquals(betaSectionBefore, text("SELECT name_vi FROM t_beta.sections WHERE slug = 'tin-hoat-dong'"));
        assertEquals(betaArticleBefore, text("SELECT title FROM t_beta.content_items WHERE slug = 'chuyen-doi-so-2026'"));
        assertEquals(1, count("SELECT count(*) FROM t_beta.accounts"));
        assertEquals("beta", text("SELECT abbreviation FROM platform.tenants WHERE code = 'beta'"));
        assertEquals("gamma", text("SELECT abbreviation FROM platform.tenants WHERE code = 'gamma'"));

        assertEquals("Tin của Gamma", text("SELECT name_vi FROM t_gamma.sections WHERE slug = 'tin-hoat-dong'"));
        assertTrue(hasher.matches("MatKhauGamma2026!", text("SELECT password_hash FROM t_gamma.accounts WHERE username = 'quantri'")));
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private long countQuietly(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            assertEquals(1, values.size(), sql);
            return values.get(0);
        }
    }
}
