package vn.cong.site.search;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.content.search.Hit;
import vn.cong.content.search.SearchSource;

import java.util.List;

/**
 * A test-only search source that finds nothing but makes every full-text search in one chosen schema sleep
 * ({@code pg_sleep}), so the ministry-wide search meets a member portal that does not answer in time. Only in the
 * test classes that set {@value #ENABLED}.
 */
@Singleton
@Requires(property = SlowSearchSource.ENABLED, value = "true")
class SlowSearchSource implements SearchSource {

    static final String ENABLED = "cong.test.slow-search-source";
    private static final String NOTHING = "SELECT 'slow-probe'::text AS kind, 0::bigint AS item_id, ''::text AS title, ''::text AS slug,"
            + " NULL::text AS page, now() AS published_at, 0::float8 AS rank WHERE false";

    private volatile String slowSchema = "";

    /** The schema whose searches sleep from now on ({@code ""}: none). */
    void slowIn(String schema) {
        if (!schema.isEmpty() && !schema.matches("^t_[a-z0-9_]+$")) {
            throw new IllegalArgumentException(schema);
        }
        slowSchema = schema;
    }

    @Override
    public List<String> kinds() {
        return List.of("slow-probe");
    }

    @Override
    public String fullText() {
        // OFFSET 0 keeps the planner from folding the subquery away: the sleep runs, no row comes out
        return "SELECT 'slow-probe'::text AS kind, 0::bigint AS item_id, ''::text AS title, ''::text AS slug, NULL::text AS page,"
                + " now() AS published_at, 0::float8 AS rank FROM (SELECT 1 AS one, pg_sleep(CASE WHEN current_schema() = '" + slowSchema
                + "' THEN 30 ELSE 0 END)::text AS slept OFFSET 0) z WHERE z.one = 2 AND $1::text IS NOT NULL";
    }

    @Override
    public String similar() {
        return NOTHING;
    }

    @Override
    public String texts() {
        return "SELECT ''::text AS kind, 0::bigint AS item_id, ''::text AS text WHERE false";
    }

    @Override
    public String url(Hit hit, String lang) {
        return "/";
    }
}
