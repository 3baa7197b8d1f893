package vn.cong.onboarding;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.tenancy.manifest.TenantManifest;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures (does not assert) how long onboarding one tenant takes with 0 and with 200 tenants
 * already present, through the service and through the operator API. Not part of the normal run:
 * <pre>
 * mvn -B test -pl platform -Dtest=OnboardingBenchmark -Dcong.excludedTestGroups=none
 * </pre>
 * Figures go to {@code platform/target/onboarding-benchmark.txt}.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class OnboardingBenchmark extends PlatformTestSupport {

    private static final int PRESENT = 200;
    private static final int REPETITIONS = Integer.getInteger("benchmark.repetitions", 10);
    private static final String PASSWORD = "MatKhauVanHanh2026!";

    @Inject
    Onboarding onboarding;
    @Inject
    PlatformDatabase platform;

    @Inject
    PublicChanges changes;
    @Inject
    EmbeddedServer server;

    private final StringBuilder out = new StringBuilder();
    private int serial;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @Test
    void onboardingTimeWithZeroAndWithTwoHundredTenantsPresent() throws IOException {
        line("Onboarding one tenant (6 sections, admin with password, 3 articles, 1 alias); "
                + REPETITIONS + " repetitions per case; each measured tenant is removed again afterwards.");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", load average at start: " + loadAverage());
        line("");
        for (int i = 0; i < 3; i++) { // JIT, class loading, Flyway's first scan
            measureAndRemove(false);
            measureAndRemove(true);
        }
        assertEquals(0, tenantCount());
        List<Long> emptyService = repeat(false);
        List<Long> emptyHttp = repeat(true);

        List<Long> fill = new ArrayList<>();
        for (int i = 0; i < PRESENT; i++) {
            fill.add(onboardViaService(manifest(nextCode())));
        }
        assertEquals(PRESENT, tenantCount());
        List<Long> fullService = repeat(false);
        List<Long> fullHttp = repeat(true);
        assertEquals(PRESENT, tenantCount());

        line(String.format(Locale.ROOT, "%-44s %4s %8s %8s %8s %8s", "case (ms)", "n", "median", "p95", "min", "max"));
        row("0 present, Onboarding.onboard", emptyService);
        row("0 present, POST /api/v1/tenants", emptyHttp);
        row("200 present, Onboarding.onboard", fullService);
        row("200 present, POST /api/v1/tenants", fullHttp);
        row("filling 1st..200th, Onboarding.onboard", fill);
        line(String.format(Locale.ROOT, "fill total: %.1f s", fill.stream().mapToLong(Long::longValue).sum() / 1000.0));
        line("load average at end: " + loadAverage());
        Path report = Path.of(System.getProperty("basedir", "."), "target", "onboarding-benchmark.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out, StandardCharsets.UTF_8);
        System.out.println(out);
    }

    private List<Long> repeat(boolean http) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
            times.add(measureAndRemove(http));
        }
        return times;
    }

    private long measureAndRemove(boolean http) {
        String code = nextCode();
        long millis = http ? onboardViaApi(code) : onboardViaService(manifest(code));
        remove(code);
        return millis;
    }

    private long onboardViaService(String yaml) {
        TenantManifest manifest = ManifestReader.parse(yaml).value();
        long started = System.nanoTime();
        OnboardingReport report = onboarding.onboard(manifest).block();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(report.created() && "ok".equals(report.migrationStatus()), String.valueOf(report));
        return millis;
    }

    private long onboardViaApi(String code) {
        String json = toJson(code);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("vanhanh:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Browser operator = new Browser(server.getPort(), "admin.most.localhost");
        long started = System.nanoTime();
        var response = operator.postJson("/api/v1/tenants", json, Map.of("Authorization", auth));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(201, response.statusCode(), response.body());
        return millis;
    }

    private void remove(String code) {
        platform.mono(c -> c.update("DROP SCHEMA t_" + code + " CASCADE")
                        .then(c.update("DELETE FROM platform.tenants WHERE code = $1", code)))
                .then(changes.refreshEveryNode()).block();
    }

    private long tenantCount() {
        return platform.mono(c -> c.one("SELECT count(*) FROM platform.tenants", r -> r.get(0, Long.class))).block();
    }

    private String nextCode() {
        return String.format(Locale.ROOT, "don_vi_%04d", ++serial);
    }

    private static String manifest(String code) {
        String label = code.replace('_', '-');
        return """
                code: %1$s
                name: {vi: "Đơn vị %1$s", en: "Unit %1$s"}
                abbreviation: %2$s
                parent: null
                aliases: [www.%2$s.example.vn]
                sections:
                  - slug: gioi-thieu
                    name: {vi: Giới thiệu, en: About}
                    children:
                      - slug: chuc-nang
                        name: {vi: Chức năng nhiệm vụ, en: Functions}
                      - slug: lanh-dao
                        name: {vi: Lãnh đạo, en: Leadership}
                  - slug: tin-tuc
                    name: {vi: Tin tức, en: News}
                    children:
                      - slug: tin-hoat-dong
                        name: {vi: Tin hoạt động, en: Activities}
                  - slug: thong-bao
                    name: {vi: Thông báo, en: Notices}
                admin: {username: quantri, email: quantri@%2$s.example.vn, password: MatKhauDonVi2026!}
                articles:
                  - {slug: ra-mat, section: tin-hoat-dong, title: "Ra mắt cổng", body: "<p>Nội dung</p>", publishedAt: "2026-11-20T08:00:00+07:00"}
                  - {slug: ke-hoach, section: thong-bao, title: "Kế hoạch năm", body: "<p>Nội dung</p>", publishedAt: "2026-11-21T08:00:00+07:00"}
                  - {slug: chuc-nang, section: chuc-nang, title: "Chức năng", body: "<p>Nội dung</p>", publishedAt: "2026-11-22T08:00:00+07:00"}
                """.formatted(code, label);
    }

    private static String toJson(String code) {
        String label = code.replace('_', '-');
        return """
                {"code": "%1$s", "name": {"vi": "Đơn vị %1$s", "en": "Unit %1$s"}, "abbreviation": "%2$s", "parent": null,
                 "aliases": ["www.%2$s.example.vn"],
                 "sections": [
                   {"slug": "gioi-thieu", "name": {"vi": "Giới thiệu", "en": "About"}, "children": [
                     {"slug": "chuc-nang", "name": {"vi": "Chức năng nhiệm vụ", "en": "Functions"}},
                     {"slug": "lanh-dao", "name": {"vi": "Lãnh đạo", "en": "Leadership"}}]},
                   {"slug": "tin-tuc", "name": {"vi": "Tin tức", "en": "News"}, "children": [
                     {"slug": "tin-hoat-dong", "name": {"vi": "Tin hoạt động", "en": "Activities"}}]},
                   {"slug": "thong-bao", "name": {"vi": "Thông báo", "en": "Notices"}}],
                 "admin": {"username": "quantri", "email": "quantri@%2$s.example.vn", "password": "MatKhauDonVi2026!"},
                 "articles": [
                   {"slug": "ra-mat", "section": "tin-hoat-dong", "title": "Ra mắt cổng", "body": "<p>Nội dung</p>", "publishedAt": "2026-11-20T08:00:00+07:00"},
                   {"slug": "ke-hoach", "section": "thong-bao", "title": "Kế hoạch năm", "body": "<p>Nội dung</p>", "publishedAt": "2026-11-21T08:00:00+07:00"},
                   {"slug": "chuc-nang", "section": "chuc-nang", "title": "Chức năng", "body": "<p>Nội dung</p>", "publishedAt": "2026-11-22T08:00:00+07:00"}]}
                """.formatted(code, label);
    }

    private void row(String name, List<Long> samples) {
        List<Long> sorted = samples.stream().sorted().toList();
        line(String.format(Locale.ROOT, "%-44s %4d %8d %8d %8d %8d", name, sorted.size(), percentile(sorted, 50),
                percentile(sorted, 95), sorted.get(0), sorted.get(sorted.size() - 1)));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
