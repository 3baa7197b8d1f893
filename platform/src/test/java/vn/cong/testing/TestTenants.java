package vn.cong.testing;

import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.tenancy.manifest.ManifestReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Onboards the small test manifests in {@code src/test/resources/manifests/}. */
public final class TestTenants {

    private TestTenants() {
    }

    public static OnboardingReport onboard(Onboarding onboarding, String name) {
        var result = ManifestReader.parse(read("manifests/" + name + ".yaml"));
        if (!result.isValid()) {
            throw new IllegalStateException("Test manifest " + name + " is invalid: " + result.errors());
        }
        OnboardingReport report = onboarding.onboard(result.value()).block();
        if (report == null || !report.isValid()) {
            throw new IllegalStateException("Onboarding " + name + " failed: " + report);
        }
        return report;
    }

    /** Onboards each named test manifest in turn ({@code "ministry", "alpha", "beta"}: the usual world of a test class). */
    public static void onboardAll(Onboarding onboarding, String... names) {
        for (String name : names) {
            onboard(onboarding, name);
        }
    }

    public static String read(String resource) {
        try (InputStream in = TestTenants.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
