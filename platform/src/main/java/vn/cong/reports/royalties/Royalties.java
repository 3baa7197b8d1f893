package vn.cong.reports.royalties;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.ContentNotFound;
import vn.cong.reports.contribution.Period;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each published item's royalty (genre, quality coefficient, outside author) as the head decides it [001 Đ7.3c:
 * "Tổng biên tập quyết định mức hệ số nhuận bút"]. An item earns by its publication [001 Đ7.3a: works "được đăng
 * tải"]: an item taken down or archived after it was published keeps its royalty (the statement marks it; the head may
 * set its coefficient to 0); an item never published (draft, rejected, scheduled) has none. Legal documents,
 * procedures, consultations and fixed pages are records, not works, and have none either.
 */
@Singleton
public class Royalties {

    /** The states of an item that was published and keeps its royalty. */
    static final String EARNING = " i.state IN ('published', 'taken_down', 'archived') AND i.published_at IS NOT NULL"
            + " AND i.kind NOT IN ('document', 'procedure', 'consultation', 'page')";

    /** Every item published in a period with its royalty, who gets it, oldest first (Vietnam time: period bounds). */
    static final String ITEMS = """
            SELECT i.id, i.title, i.state, i.published_at, i.origin, i.genre,
                   coalesce(nullif(r.author_name, ''), a.full_name, nullif(w.submitter_name, ''), '') AS author,
                   coalesce(nullif(r.author_unit, ''), su.name, nullif(w.submitter_unit, ''), au.name, '') AS unit,
                   r.genre_id, g.name, r.units, r.coefficient, coalesce(r.amount_vnd, 0), coalesce(r.author_name, ''),
                   coalesce(r.author_unit, '')
            FROM content_items i
            LEFT JOIN item_royalties r ON r.item_id = i.id
            LEFT JOIN royalty_genres g ON g.id = r.genre_id
            LEFT JOIN accounts a ON a.id = i.created_by
            LEFT JOIN org_units au ON au.id = a.unit_id
            LEFT JOIN LATERAL (SELECT submitter_name, submitter_unit, submitter_unit_id FROM workflow_runs
                               WHERE item_id = i.id ORDER BY submitted_at, id LIMIT 1) w ON true
            LEFT JOIN org_units su ON su.id = w.submitter_unit_id
            WHERE """ + EARNING;

    /** The head's decision on one item as typed. */
    public record Entry(String genreId, String coefficient, String authorName, String authorUnit) {
    }

    private final TenantDatabase db;
    private final AuditLog audit;

    Royalties(TenantDatabase db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The items published in {@code period}, assessed or not. */
    public Mono<List<Assessment>> items(Tenant tenant, Period period) {
        return db.flux(tenant, c -> c.query(ITEMS + " AND i.published_at >= $1 AND i.published_at < $2 ORDER BY i.published_at, i.id",
                Royalties::assessment, period.start(), period.end())).collectList();
    }

    /** Sets an item's royalty; fails with {@link RoyaltyRejected} (field → message) or {@link ContentNotFound}. */
    public Mono<Assessment> assess(Tenant tenant, long actorId, long itemId, Entry entry) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long genreId = entry.genreId() != null && entry.genreId().strip().matches("[1-9]\\d{0,17}") ? Long.valueOf(entry.genreId().strip()) : null;
        if (genreId == null) {
            problems.put("genreId", "Vui lòng chọn thể loại.");
        }
        BigDecimal coefficient = Vnd.parse(entry.coefficient(), 2).filter(k -> k.compareTo(BigDecimal.valueOf(5)) <= 0).orElse(null);
        if (coefficient == null) {
            problems.put("coefficient", "Hệ số chất lượng là số từ 0 đến 5, tối đa hai chữ số thập phân, ví dụ 1,2 (0: không trả nhuận bút).");
        }
        String authorName = text(entry.authorName());
        String authorUnit = text(entry.authorUnit());
        if (authorName.length() > 200) {
            problems.put("authorName", "Tên tác giả tối đa 200 ký tự.");
        }
        if (authorUnit.length() > 200) {
            problems.put("authorUnit", "Tên đơn vị tối đa 200 ký tự.");
        }
        return db.mono(tenant, c -> one(c, itemId).switchIfEmpty(Mono.defer(() -> notEarning(c, itemId)))
                .flatMap(before -> RoyaltyRates.table(c).flatMap(rates -> {
                    var genre = genreId == null ? null : rates.genre(genreId).orElse(null);
                    if (genreId != null && genre == null) {
                        problems.put("genreId", "Thể loại đã chọn không có trong bảng nhuận bút của cổng.");
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(new RoyaltyRejected(problems));
                    }
                    long amount = Vnd.amount(genre.units(), coefficient, rates.unitValueVnd());
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("item", itemId);
                    details.put("genre", genre.name());
                    details.put("units", genre.unitsText());
                    details.put("coefficient", Vnd.decimal(coefficient));
                    details.put("amount_vnd", amount);
                    details.put("before_vnd", before.assessed() ? before.amountVnd() : null);
                    details.put("author", authorName);
                    details.put("unit", authorUnit);
                    return c.update("""
                                    INSERT INTO item_royalties (item_id, genre_id, units, coefficient, unit_value_vnd, amount_vnd,
                                                                author_name, author_unit, set_by, set_at)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
                                    ON CONFLICT (item_id) DO UPDATE SET genre_id = $2, units = $3, coefficient = $4, unit_value_vnd = $5,
                                        amount_vnd = $6, author_name = $7, author_unit = $8, set_by = $9, set_at = now()""",
                            itemId, genre.id(), genre.units(), coefficient, rates.unitValueVnd(), amount, authorName, authorUnit, actorId)
                            .then(audit.record(c, actorId, "item.royalty_set", details))
                            .then(one(c, itemId));
                })));
    }

    /**
     * The demo's assessment: every earning item without a royalty gets the genre usual for its classification and a
     * quality coefficient that varies from item to item (1; 1,2; 1; 0,8; 1,5; 1), set by {@code headId}; an item the board
     * found or wrote itself, with no account on record (imported, or the manifest's), is credited to the board's editors in turn. Only on a
     * tenant that has not assessed any item, so nothing its head decided is touched. Emits the number assessed.
     */
    public Mono<Long> assessForDemo(Tenant tenant, long headId, List<String> boardEditors) {
        return db.mono(tenant, c -> c.one("SELECT EXISTS (SELECT 1 FROM item_royalties)", r -> r.get(0, Boolean.class))
                .flatMap(any -> any ? Mono.just(0L) : c.update("""
                                INSERT INTO item_royalties (item_id, genre_id, units, coefficient, unit_value_vnd, amount_vnd, set_by, author_name)
                                SELECT i.id, g.id, g.units, k.coefficient, s.unit_value_vnd, round(g.units * k.coefficient * s.unit_value_vnd), $1,
                                       CASE WHEN i.origin IS DISTINCT FROM 'supplied' AND i.created_by IS NULL AND cardinality($2::text[]) > 0
                                            THEN ($2::text[])[(1 + i.id % cardinality($2::text[]))::int] ELSE '' END
                                FROM content_items i
                                CROSS JOIN royalty_settings s
                                CROSS JOIN LATERAL (SELECT (ARRAY[1.0, 1.2, 1.0, 0.8, 1.5, 1.0])[(1 + i.id % 6)::int] AS coefficient) k
                                JOIN LATERAL (SELECT id, units FROM royalty_genres
                                              ORDER BY usual_for IS NOT DISTINCT FROM coalesce(i.genre, 'other') DESC, position, id LIMIT 1) g ON true
                                WHERE """ + EARNING + " AND s.id = 1", headId, boardEditors.toArray(String[]::new))
                        .flatMap(n -> audit.record(c, headId, "royalty.demo_assessed", Map.of("items", n)).thenReturn(n))));
    }

    private static Mono<Assessment> one(TenantTx c, long itemId) {
        return c.one(ITEMS + " AND i.id = $1", Royalties::assessment, itemId);
    }

    /** Why an item cannot have a royalty: it does not exist (404), or it was never published or is not a work. */
    private static Mono<Assessment> notEarning(TenantTx c, long itemId) {
        return c.one("SELECT 1 FROM content_items WHERE id = $1", r -> 1, itemId)
                .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                .flatMap(x -> Mono.error(new RoyaltyRejected(Map.of("item",
                        "Chỉ tin, bài, ảnh, video đã đăng mới được tính nhuận bút; mục này chưa đăng hoặc không phải tác phẩm."))));
    }

    private static Assessment assessment(io.r2dbc.spi.Readable r) {
        return new Assessment(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, OffsetDateTime.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class), r.get(8, Long.class),
                r.get(9, String.class), r.get(10, BigDecimal.class), r.get(11, BigDecimal.class), r.get(12, Long.class),
                r.get(13, String.class), r.get(14, String.class));
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
