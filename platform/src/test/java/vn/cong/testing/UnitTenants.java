package vn.cong.testing;

import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.tenancy.manifest.ManifestReader;

/**
 * Onboards a small member portal of the test ministry ({@code bo}) under any code, for tests that
 * need a tenant of their own to damage: sections {@code tin-hoat-dong}, one published Vietnamese
 * article {@code bai-dau-tien}, host {@code <code>.most.localhost}.
 */
public final class UnitTenants {

    private UnitTenants() {
    }

    public static OnboardingReport onboard(Onboarding onboarding, String code) {
        String yaml = """
                code: %1$s
                name: {vi: Đơn vị %1$s, en: Unit %1$s}
                abbreviation: %1$s
                parent: bo
                theme: default
                sections:
                  - slug: tin-hoat-dong
                    name: {vi: Tin hoạt động, en: Activities}
                admin: {username: quantri, email: quantri@%1$s.example.vn, password: MatKhau%1$s2026!}
                articles:
                  - slug: bai-dau-tien
                    section: tin-hoat-dong
                    language: vi
                    title: "Bài đầu tiên của đơn vị %1$s"
                    summary: "Tóm tắt của đơn vị %1$s."
                    body: "<p>Nội dung ban đầu của đơn vị %1$s.</p>"
                    publishedAt: 2026-11-19T09:00:00+07:00
                """.formatted(code);
        var parsed = ManifestReader.parse(yaml);
        if (!parsed.isValid()) {
            throw new IllegalStateException("Unit manifest " + code + " is invalid: " + parsed.errors());
        }
        OnboardingReport report = onboarding.onboard(parsed.value()).block();
        if (report == null || !report.isValid()) {
            throw new IllegalStateException("Onboarding " + code + " failed: " + report);
        }
        return report;
    }
}
