package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant's units. Saving one goes online at once (the organisation chart shows it), so it is a public change.
 * Submissions and accounts name their unit in free text; the database maps that text onto a unit whenever one
 * has the same name (trigger {@code workflow_runs_map_unit}, migration V300), and text that matches no unit is kept.
 * SQL is hand-written here: the rows are read with their focal point's name and the counts of what names them.
 */
@Singleton
public class Units {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String COLUMNS = "u.id, u.parent_id, u.name, u.duties, u.position, u.head_name, u.focal_account_id, u.email,"
            + " u.supplies_items, u.outside";

    private final TenantDatabase db;
    private final PublicChanges changes;

    public Units(TenantDatabase db, PublicChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    /** A unit as the staff list shows it: with its focal point's name and how many submissions and accounts name it. */
    public record Listed(Unit unit, String focalName, long submissions, long accounts) {
    }

    /** A submitting-unit text that matches no unit, with how many submissions carry it. */
    public record Unmatched(String text, long submissions) {
    }

    public Mono<List<Unit>> all(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " FROM org_units u ORDER BY u.position, u.name, u.id", Units::unit))
                .collectList();
    }

    public Mono<List<Listed>> listed(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + """
                        , coalesce(nullif(a.full_name, ''), a.username, '') AS focal_name,
                          (SELECT count(*) FROM workflow_runs r WHERE r.submitter_unit_id = u.id) AS submissions,
                          (SELECT count(*) FROM accounts x WHERE x.unit_id = u.id) AS members
                        FROM org_units u LEFT JOIN accounts a ON a.id = u.focal_account_id
                        ORDER BY u.position, u.name, u.id""",
                r -> new Listed(unit(r), r.get("focal_name", String.class), r.get("submissions", Long.class), r.get("members", Long.class))))
                .collectList();
    }

    /** Submitting-unit texts no unit matches: kept as typed, shown so the admin can add or rename a unit to match. */
    public Mono<List<Unmatched>> unmatched(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                        SELECT min(submitter_unit) AS text, count(*) AS n FROM workflow_runs
                        WHERE submitter_unit_id IS NULL AND unit_key(submitter_unit) <> ''
                        GROUP BY unit_key(submitter_unit) ORDER BY count(*) DESC, 1""",
                r -> new Unmatched(r.get("text", String.class), r.get("n", Long.class)))).collectList();
    }

    public Mono<Optional<Unit>> find(Tenant tenant, long id) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " FROM org_units u WHERE u.id = $1", Units::unit, id))
                .collectList().map(rows -> rows.stream().findFirst());
    }

    /** The unit whose name matches {@code text} (case and spaces aside), as submissions are mapped. */
    public Mono<Optional<Unit>> named(Tenant tenant, String text) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " FROM org_units u WHERE u.id = unit_named($1)", Units::unit, nfc(text)))
                .collectList().map(rows -> rows.stream().findFirst());
    }

    /** Adds a unit ({@code id} null) or changes one of this tenant's; the id of the saved unit. */
    public Mono<Long> save(Tenant tenant, Unit u) {
        Map<String, String> p = problems(u);
        if (!p.isEmpty()) {
            return Mono.error(new UnitRejected(p));
        }
        return changes.inTenant(tenant, (c, change) -> checks(c, u)
                .flatMap(found -> found.isEmpty() ? write(c, u) : Mono.error(new UnitRejected(found)))
                .flatMap(id -> change.pagesOf(tenant).thenReturn(id)));
    }

    /**
     * Declares the units a manifest lists (by name): missing ones are added, existing ones take the declared
     * details; units the manifest does not name are left alone. True when something changed.
     */
    public Mono<Boolean> declare(Tenant tenant, List<Declared> declared) {
        if (declared.isEmpty()) {
            return Mono.just(false);
        }
        return Flux.fromIterable(declared).concatMap(d -> named(tenant, d.name())
                        .zipWith(d.parent() == null ? Mono.just(Optional.<Unit>empty()) : named(tenant, d.parent()))
                        .flatMap(t -> {
                            Unit old = t.getT1().orElse(null);
                            Long parent = t.getT2().map(Unit::id).orElse(old == null ? null : old.parentId());
                            Unit wanted = new Unit(old == null ? null : old.id(), parent, nfc(d.name()),
                                    d.duties() != null ? nfc(d.duties()) : old == null ? "" : old.duties(), old == null ? 0 : old.position(),
                                    d.head() != null ? nfc(d.head()) : old == null ? "" : old.headName(),
                                    old == null ? null : old.focalAccountId(),
                                    d.email() != null ? nfc(d.email()) : old == null ? "" : old.email(),
                                    d.suppliesItems() != null ? d.suppliesItems() : old == null || old.suppliesItems(),
                                    d.outside() != null ? d.outside() : old != null && old.outside());
                            return wanted.equals(old) ? Mono.just(false) : save(tenant, wanted).thenReturn(true);
                        }))
                .reduce(false, Boolean::logicalOr);
    }

    /** A unit as a manifest declares it; null fields leave an existing unit's value as it is. */
    public record Declared(String name, @Nullable String parent, @Nullable String duties, @Nullable String head, @Nullable String email,
                           @Nullable Boolean suppliesItems, @Nullable Boolean outside) {
    }

    private static Map<String, String> problems(Unit u) {
        Map<String, String> p = new LinkedHashMap<>();
        if (nfc(u.name()).isEmpty()) {
            p.put("name", "Tên đơn vị không được để trống.");
        } else if (nfc(u.name()).length() > 200) {
            p.put("name", "Tên đơn vị dài quá 200 ký tự.");
        }
        String email = nfc(u.email());
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            p.put("email", "Địa chỉ thư điện tử «" + email + "» không hợp lệ.");
        }
        if (u.id() != null && u.id().equals(u.parentId())) {
            p.put("parentId", "Một đơn vị không thể trực thuộc chính nó.");
        }
        return p;
    }

    /** What only the tenant's rows can tell: a name taken by another unit, a parent that is missing or below, a focal point that is not active staff. */
    private static Mono<Map<String, String>> checks(TenantTx c, Unit u) {
        long self = u.id() == null ? -1L : u.id();
        Mono<Boolean> nameTaken = c.one("SELECT count(*) FROM org_units WHERE unit_key(name) = unit_key($1) AND id <> $2",
                r -> r.get(0, Long.class) > 0, nfc(u.name()), self);
        Mono<Boolean> parentOk = u.parentId() == null ? Mono.just(true) : c.one("""
                        WITH RECURSIVE up AS (SELECT id, parent_id FROM org_units WHERE id = $1
                            UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
                        SELECT count(*) > 0 AND bool_and(id <> $2) FROM up""",
                r -> Boolean.TRUE.equals(r.get(0, Boolean.class)), u.parentId(), self);
        Mono<Boolean> focalOk = u.focalAccountId() == null ? Mono.just(true)
                : c.one("SELECT count(*) FROM accounts WHERE id = $1 AND status = 'active'", r -> r.get(0, Long.class) > 0, u.focalAccountId());
        Mono<Boolean> exists = u.id() == null ? Mono.just(true)
                : c.one("SELECT count(*) FROM org_units WHERE id = $1", r -> r.get(0, Long.class) > 0, u.id());
        return nameTaken.zipWith(parentOk).zipWith(focalOk).zipWith(exists).map(t -> {
            Map<String, String> p = new LinkedHashMap<>();
            if (!t.getT2()) {
                p.put("id", "Đơn vị " + u.id() + " không có trong cổng này.");
            }
            if (t.getT1().getT1().getT1()) {
                p.put("name", "Đã có đơn vị tên «" + nfc(u.name()) + "».");
            }
            if (!t.getT1().getT1().getT2()) {
                p.put("parentId", "Đơn vị cấp trên không hợp lệ (không có, hoặc trực thuộc chính đơn vị này).");
            }
            if (!t.getT1().getT2()) {
                p.put("focalAccountId", "Cán bộ đầu mối phải là một tài khoản đang hoạt động của cổng.");
            }
            return p;
        });
    }

    private static Mono<Long> write(TenantTx c, Unit u) {
        Object[] values = {Sql.orNull(u.parentId(), Long.class), nfc(u.name()), nfc(u.duties()), u.position(), nfc(u.headName()),
                Sql.orNull(u.focalAccountId(), Long.class), nfc(u.email()), u.suppliesItems(), u.outside()};
        if (u.id() == null) {
            return c.one("""
                    INSERT INTO org_units (parent_id, name, duties, position, head_name, focal_account_id, email, supplies_items, outside)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id""", r -> r.get(0, Long.class), values);
        }
        Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
        withId[values.length] = u.id();
        return c.update("""
                UPDATE org_units SET parent_id = $1, name = $2, duties = $3, position = $4, head_name = $5, focal_account_id = $6,
                    email = $7, supplies_items = $8, outside = $9 WHERE id = $10""", withId).thenReturn(u.id());
    }

    static String nfc(@Nullable String s) {
        return s == null ? "" : Normalizer.normalize(s.strip(), Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}&&[^\n]]", "");
    }

    private static Unit unit(Readable r) {
        return new Unit(r.get("id", Long.class), r.get("parent_id", Long.class), r.get("name", String.class), r.get("duties", String.class),
                r.get("position", Integer.class), r.get("head_name", String.class), r.get("focal_account_id", Long.class),
                r.get("email", String.class), Boolean.TRUE.equals(r.get("supplies_items", Boolean.class)),
                Boolean.TRUE.equals(r.get("outside", Boolean.class)));
    }
}
