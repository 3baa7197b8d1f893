package vn.cong.reports.royalties;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and changes the tenant's rate table. The form names its fields {@code unitValue}, {@code name-<id>} and
 * {@code units-<id>} for each genre, and {@code newName}, {@code newUnits} for a genre to add. Every change is in the
 * audit log with the values before and after.
 */
@Singleton
public class RoyaltyRates {

    private final TenantDatabase db;
    private final AuditLog audit;

    RoyaltyRates(TenantDatabase db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Mono<RateTable> table(Tenant tenant) {
        return db.mono(tenant, RoyaltyRates::table);
    }

    static Mono<RateTable> table(TenantTx c) {
        return c.query("SELECT id, name, units, usual_for, position FROM royalty_genres ORDER BY position, id",
                        r -> new RoyaltyGenre(r.get(0, Long.class), r.get(1, String.class), r.get(2, BigDecimal.class),
                                r.get(3, String.class), r.get(4, Integer.class)))
                .collectList()
                .flatMap(genres -> c.one("""
                                SELECT s.unit_value_vnd, s.preset, a.full_name, s.updated_at FROM royalty_settings s
                                LEFT JOIN accounts a ON a.id = s.updated_by WHERE s.id = 1""",
                        r -> new RateTable(r.get(0, Long.class), r.get(1, Boolean.class), genres, r.get(2, String.class),
                                r.get(3, OffsetDateTime.class))));
    }

    /** Saves the typed table, or fails with {@link RoyaltyRejected} (field → message) and changes nothing. */
    public Mono<RateTable> save(Tenant tenant, long actorId, Map<String, String> form) {
        return db.mono(tenant, c -> table(c).flatMap(before -> {
            Map<String, String> problems = new LinkedHashMap<>();
            Long unitValue = Vnd.parseDong(form.get("unitValue")).filter(v -> v > 0 && v <= 100_000_000).orElse(null);
            if (unitValue == null) {
                problems.put("unitValue", "Giá trị một đơn vị nhuận bút là số đồng từ 1 đến 100.000.000, ví dụ 234.000.");
            }
            List<RoyaltyGenre> after = new ArrayList<>();
            for (RoyaltyGenre g : before.genres()) {
                String name = form.getOrDefault("name-" + g.id(), g.name()).strip();
                BigDecimal units = units(form.get("units-" + g.id()), "units-" + g.id(), problems);
                if (name.isEmpty() || name.length() > 120) {
                    problems.put("name-" + g.id(), "Tên thể loại không được để trống (tối đa 120 ký tự).");
                }
                after.add(new RoyaltyGenre(g.id(), name, units == null ? g.units() : units, g.usualFor(), g.position()));
            }
            String newName = form.getOrDefault("newName", "").strip();
            BigDecimal newUnits = null;
            if (!newName.isEmpty() || !form.getOrDefault("newUnits", "").isBlank()) {
                newUnits = units(form.get("newUnits"), "newUnits", problems);
                if (newName.isEmpty() || newName.length() > 120) {
                    problems.put("newName", "Ghi tên thể loại mới (tối đa 120 ký tự).");
                }
            }
            List<String> names = new ArrayList<>(after.stream().map(g -> key(g.name())).toList());
            if (!newName.isEmpty()) {
                names.add(key(newName));
            }
            if (names.stream().distinct().count() < names.size()) {
                problems.put("names", "Hai thể loại không được trùng tên.");
            }
            if (!problems.isEmpty()) {
                return Mono.error(new RoyaltyRejected(problems));
            }
            Map<String, Object> details = changes(before, after, unitValue, newName, newUnits);
            if (details.isEmpty()) {
                return Mono.just(before);
            }
            BigDecimal added = newUnits;
            return Flux.fromIterable(after).concatMap(g -> c.update("UPDATE royalty_genres SET name = $2, units = $3 WHERE id = $1",
                            g.id(), g.name(), g.units()))
                    .then(newName.isEmpty() ? Mono.just(0L) : c.update("""
                            INSERT INTO royalty_genres (name, units, position)
                            SELECT $1, $2, coalesce(max(position), 0) + 1 FROM royalty_genres""", newName, added))
                    .then(c.update("UPDATE royalty_settings SET unit_value_vnd = $1, preset = false, updated_by = $2, updated_at = now() WHERE id = 1",
                            unitValue, actorId))
                    .then(audit.record(c, actorId, "royalty.rates_changed", details))
                    .then(table(c));
        }));
    }

    private static BigDecimal units(String typed, String field, Map<String, String> problems) {
        var units = Vnd.parse(typed, 2).filter(u -> u.compareTo(BigDecimal.valueOf(1000)) <= 0);
        if (units.isEmpty()) {
            problems.put(field, "Số đơn vị nhuận bút là số từ 0 đến 1.000, tối đa hai chữ số thập phân, ví dụ 2,5.");
        }
        return units.orElse(null);
    }

    /** What changed, for the audit log: each value as "before → after". */
    private static Map<String, Object> changes(RateTable before, List<RoyaltyGenre> after, long unitValue, String newName, BigDecimal newUnits) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (before.unitValueVnd() != unitValue) {
            details.put("unit_value_vnd", before.unitValueVnd() + " → " + unitValue);
        }
        for (int i = 0; i < after.size(); i++) {
            RoyaltyGenre was = before.genres().get(i);
            RoyaltyGenre now = after.get(i);
            if (!was.name().equals(now.name()) || was.units().compareTo(now.units()) != 0) {
                details.put("genre " + was.id(), was.name() + " " + was.unitsText() + " → " + now.name() + " " + now.unitsText());
            }
        }
        if (!newName.isEmpty()) {
            details.put("genre added", newName + " " + Vnd.decimal(newUnits));
        }
        return details;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
