package vn.cong.content.search;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search latency over 10,000 published items, and the plans PostgreSQL picks (GIN indexes, not sequential
 * scans). A measurement, not a gate: excluded from `mvn test`; run with
 * {@code mvn -B test -pl platform -Dtest=SearchBenchmark -Dcong.excludedTestGroups=none}.
 * Figures and plans go to {@code platform/target/search-benchmark.txt}.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class SearchBenchmark extends PlatformTestSupport {

    private static final int ITEMS = 10_000;
    private static final int WARM_UP = 100;
    private static final int RUNS = 400;
    private static final List<String> QUERIES = List.of("khoa hoc", "đào tạo nguồn nhân lực", "123/QĐ-BKHCN", "kiểm định chất lượng",
            "hội nghị tổng kết", "thien van", "chuyển đổi số", "sở hữu trí tuệ", "năng lượng nguyên tử", "tiêu chuẩn đo lường",
            "chất lượmg" /* typo: the similarity fallback */, "thiêm văn" /* typo */);

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    Search search;
    @Inject
    TenantDatabase tenantDb;

    @Test
    void measureSearchOverTenThousandItems() throws Exception {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        try (var c = jdbc(); var s = c.createStatement()) {
            // titles and summaries drawn from a Vietnamese vocabulary, a ~1.5 KB body, spread over three years
            s.executeUpdate("""
                    WITH v(words) AS (SELECT ARRAY['khoa học','công nghệ','đào tạo','nguồn nhân lực','hội nghị','tổng kết','kiểm định',
                        'chất lượng','chuyển đổi số','sở hữu trí tuệ','năng lượng','nguyên tử','tiêu chuẩn','đo lường','thiên văn',
                        'đổi mới sáng tạo','khởi nghiệp','doanh nghiệp','hợp tác quốc tế','an toàn bức xạ','phòng thí nghiệm',
                        'đề tài','nhiệm vụ','quỹ phát triển','ứng dụng','chính sách','sản phẩm','thị trường','nông nghiệp','y tế'])
                    INSERT INTO t_alpha.content_items (kind, section_id, language, slug, title, summary, body_html, state, published_at)
                    SELECT 'article', (SELECT id FROM t_alpha.sections LIMIT 1), 'vi', 'bai-viet-so-' || g,
                           initcap(words[1 + g % 30]) || ' và ' || words[1 + (g * 7) % 30] || ' năm ' || (2024 + g % 3) || ' (số ' || g || ')',
                           'Bài viết về ' || words[1 + (g * 11) % 30] || ', ' || words[1 + (g * 13) % 30] || ' của đơn vị.',
                           repeat('<p>Sáng nay, đơn vị đã tổ chức ' || words[1 + (g * 17) % 30] || ' về ' || words[1 + (g * 19) % 30]
                                  || ', đánh giá kết quả đạt được và đề ra phương hướng nhiệm vụ.</p>', 12),
                           'published', now() - ((g % 1000) || ' days')::interval
                    FROM v, generate_series(1, ITEMS) g""".replace("ITEMS", Integer.toString(ITEMS)));
            s.executeUpdate("""
                    INSERT INTO t_alpha.content_items (kind, language, slug, title, summary, body_html, state, published_at)
                    VALUES ('document', 'vi', 'quyet-dinh-123', 'Quyết định ban hành quy chế', 'Quy chế', '<p>x</p>', 'published', now())""");
            s.executeUpdate("""
                    INSERT INTO t_alpha.legal_documents (item_id, number, type_code, issuer, issued_on)
                    SELECT id, '123/QĐ-BKHCN', 'quyet-dinh', 'Bộ Khoa học và Công nghệ', current_date FROM t_alpha.content_items
                     WHERE slug = 'quyet-dinh-123'""");
            s.execute("ANALYZE t_alpha.content_items");
        }
        Tenant alpha = registry.findByCode("alpha").orElseThrow();

        Map<String, List<Long>> perQuery = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        Map<String, Long> found = new TreeMap<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            String q = QUERIES.get(i % QUERIES.size());
            long t0 = System.nanoTime();
            SearchResults r = search.search(alpha, new SearchQuery(q, "vi", null, null, null, 1, 10)).block();
            long micros = (System.nanoTime() - t0) / 1_000;
            if (i >= WARM_UP) {
                all.add(micros);
                perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(micros);
                found.put(q, r.total() * (r.near() ? -1 : 1));
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("Search over %d published items of one tenant (plus 1 legal document), %d searches after %d warm-up, page 1 of 10 results, through Search.search (one tenant transaction: years, matches, snippets)%n"
                .formatted(ITEMS, RUNS, WARM_UP));
        report.append("all queries: p50 %.1f ms, p99 %.1f ms%n".formatted(pct(all, 50), pct(all, 99)));
        perQuery.forEach((q, times) -> report.append("  %-28s results %6s  p50 %6.1f ms  p99 %6.1f ms%n"
                .formatted(q, found.get(q) < 0 ? "~" + (-found.get(q)) : found.get(q).toString(), pct(times, 50), pct(times, 99))));
        report.append("load average: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append("\n\n");

        List<SearchSource> sources = search.sources();
        String[] kinds = search.kinds().toArray(String[]::new);
        for (String q : List.of("kiểm định chất lượng", "chất lượmg", "thiêm văn")) {
            boolean near = !q.equals("kiểm định chất lượng");
            SearchQuery query = new SearchQuery(q, "vi", null, null, null, 1, 10);
            List<String> plan = tenantDb.flux(alpha, c -> (near
                            ? c.one("SELECT set_config('pg_trgm.word_similarity_threshold', '0.4', true)", r -> "")
                            : reactor.core.publisher.Mono.just(""))
                    .thenMany(c.query("EXPLAIN (ANALYZE, COSTS OFF, BUFFERS) " + Search.statement(sources, near), r -> r.get(0, String.class),
                            search.parameters(query, kinds, near)))).collectList().block();
            String text = String.join("\n", plan);
            report.append(near ? "Plan of the similarity fallback" : "Plan of a full-text search").append(" (\"").append(q).append("\"):\n")
                    .append(text).append("\n\n");
            if (!near) {
                assertTrue(text.contains("Bitmap Index Scan on content_items_search"), text);
            }
        }
        Files.writeString(Path.of("target", "search-benchmark.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static double pct(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1000.0;
    }
}
