package vn.cong.themes;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.GenericRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

/**
 * A tenant's theme versions read through Micronaut Data, in the caller's tenant transaction. The reads
 * are written out ({@code @Query}): the staff names come from correlated subqueries on {@code accounts} and
 * the JSON columns are read as text, neither of which a derived query expresses. The guarded state
 * changes stay in {@link ThemeVersions} as SQL (an UPDATE whose WHERE is the transition's guard).
 */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface ThemeVersionRepository extends GenericRepository<ThemeVersionRow, Long> {

    String SELECT = """
            SELECT v.id, v.number, v.theme, CAST(v.theme_values AS text) AS theme_values, CAST(v.menu AS text) AS menu, v.state,
                v.live, v.lock_version, v.created_at, v.submitted_by, v.submitted_at, v.decided_at, v.decision_note, v.live_since,
                (SELECT coalesce(nullif(a.full_name, ''), a.username) FROM accounts a WHERE a.id = v.created_by) AS created_name,
                (SELECT coalesce(nullif(a.full_name, ''), a.username) FROM accounts a WHERE a.id = v.submitted_by) AS submitted_name,
                (SELECT coalesce(nullif(a.full_name, ''), a.username) FROM accounts a WHERE a.id = v.decided_by) AS decided_name
            FROM theme_versions v""";

    /** What is live: the theme, its values and the menu. */
    @Introspected
    record LiveSelection(String theme, String themeValues, String menu) {
    }

    @Query(SELECT + " ORDER BY v.number DESC")
    Flux<ThemeVersionRow> all(TenantTx tx);

    @Query(SELECT + " WHERE v.id = :id")
    Mono<ThemeVersionRow> byId(long id, TenantTx tx);

    @Query("SELECT theme, CAST(theme_values AS text) AS theme_values, CAST(menu AS text) AS menu FROM theme_versions WHERE live")
    Mono<LiveSelection> live(TenantTx tx);
}
