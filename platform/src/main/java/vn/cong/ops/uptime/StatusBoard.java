package vn.cong.ops.uptime;

import vn.cong.system.VietnamTime;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.ops.maintenance.MaintenanceWindow;
import vn.cong.ops.maintenance.MaintenanceWindows;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the public status page shows: each portal's current state, its 90 days, open and recent
 * incidents, and current and upcoming maintenance windows. Checks during a tenant's announced
 * maintenance count as maintenance, not as downtime.
 */
@Singleton
public class StatusBoard {

    static final int DAYS = 90;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

    private final PlatformDatabase db;
    private final TenantRegistry registry;
    private final PublicLinks links;
    private final MaintenanceWindows maintenance;

    public StatusBoard(PlatformDatabase db, TenantRegistry registry, PublicLinks links, MaintenanceWindows maintenance) {
        this.db = db;
        this.registry = registry;
        this.links = links;
        this.maintenance = maintenance;
    }

    /** One portal or linked site on the board. {@code state}: up, down, maintenance or unknown. */
    public record Row(String name, String url, String state, String stateText, String availabilityText, List<DayCell> days) {
    }

    /** One day's bar: {@code level} up, partial, down, maintenance or unknown (the monitor did not run). */
    public record DayCell(String date, String level, String title) {
    }

    public record Incident(String name, String url, String opened, String closed, String error) {
    }

    /** A current or upcoming maintenance window: which portals, when, and the operator's message. */
    public record Maintenance(String portals, String from, String to, boolean underway, String message) {
    }

    public record Board(List<Row> rows, List<Incident> open, List<Incident> recent, List<Maintenance> maintenance, String updated) {
    }

    public Mono<Board> board() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        LocalDate from = today.minusDays(DAYS - 1L);
        OffsetDateTime since = from.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        Mono<Map<String, Map<LocalDate, long[]>>> perDay = db.flux(c -> c.query("""
                        SELECT c.target, (c.slot AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                               count(*) FILTER (WHERE c.ok AND NOT c.maintenance), count(*) FILTER (WHERE NOT c.ok AND NOT c.maintenance),
                               count(*) FILTER (WHERE c.maintenance)
                        FROM (SELECT u.target, u.slot, u.ok, platform.in_maintenance(u.target, u.tenant_code, u.slot) AS maintenance
                              FROM platform.uptime_checks u WHERE u.slot >= $1) c
                        GROUP BY 1, 2""",
                        r -> new Object[]{r.get(0, String.class), r.get(1, LocalDate.class), r.get(2, Long.class), r.get(3, Long.class),
                                r.get(4, Long.class)},
                        since))
                .collectList()
                .map(rows -> {
                    Map<String, Map<LocalDate, long[]>> map = new HashMap<>();
                    rows.forEach(r -> map.computeIfAbsent((String) r[0], k -> new HashMap<>())
                            .put((LocalDate) r[1], new long[]{(Long) r[2], (Long) r[3], (Long) r[4]}));
                    return map;
                });
        Mono<Map<String, Boolean>> latest = db.flux(c -> c.query("""
                        SELECT DISTINCT ON (target) target, ok FROM platform.uptime_checks
                        WHERE slot >= now() - interval '1 hour' ORDER BY target, slot DESC""",
                        r -> Map.entry(r.get(0, String.class), r.get(1, Boolean.class))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<List<Object[]>> sites = db.flux(c -> c.query("SELECT id, name_vi, url FROM platform.linked_sites ORDER BY tenant_code, position",
                r -> new Object[]{r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)})).collectList();
        Mono<List<Object[]>> incidents = db.flux(c -> c.query("""
                SELECT target, url, opened_at, closed_at, last_error FROM platform.uptime_incidents
                WHERE closed_at IS NULL OR closed_at >= now() - interval '30 days' ORDER BY opened_at DESC LIMIT 100""",
                r -> new Object[]{r.get(0, String.class), r.get(1, String.class), r.get(2, OffsetDateTime.class),
                        r.get(3, OffsetDateTime.class), r.get(4, String.class)})).collectList();
        Instant now = Instant.now();
        Mono<List<MaintenanceWindow>> windows = maintenance.endingAfter(now).collectList();
        return Mono.zip(perDay, latest, sites, incidents, windows).map(t -> {
            List<MaintenanceWindow> planned = t.getT5();
            Map<String, String> names = new HashMap<>();
            List<Row> rows = new ArrayList<>();
            for (Tenant tenant : registry.all()) {
                if (tenant.status() != Tenant.TenantStatus.ACTIVE) {
                    continue;
                }
                String key = "tenant:" + tenant.code();
                names.put(key, tenant.nameVi());
                boolean underway = planned.stream().anyMatch(w -> w.affects(tenant.code()) && w.underwayAt(now));
                rows.add(row(tenant.nameVi(), links.tenant(tenant, "/"), key, t.getT1(), t.getT2(), from, today,
                        underway));
            }
            for (Object[] s : t.getT3()) {
                String key = "site:" + s[0];
                names.put(key, (String) s[1]);
                rows.add(row((String) s[1], (String) s[2], key, t.getT1(), t.getT2(), from, today, false));
            }
            List<Incident> open = new ArrayList<>();
            List<Incident> recent = new ArrayList<>();
            for (Object[] i : t.getT4()) {
                Incident incident = new Incident(names.getOrDefault((String) i[0], (String) i[0]), (String) i[1],
                        format((OffsetDateTime) i[2]), i[3] == null ? null : format((OffsetDateTime) i[3]), (String) i[4]);
                (i[3] == null ? open : recent).add(incident);
            }
            return new Board(rows, open, recent, planned.stream().map(w -> maintenanceOf(w, now)).toList(), format(OffsetDateTime.now()));
        });
    }

    private static Row row(String name, String url, String key, Map<String, Map<LocalDate, long[]>> perDay,
                           Map<String, Boolean> latest, LocalDate from, LocalDate today, boolean underMaintenance) {
        Map<LocalDate, long[]> days = perDay.getOrDefault(key, Map.of());
        List<DayCell> cells = new ArrayList<>();
        long up = 0;
        long total = 0;
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            long[] c = days.get(d);
            String date = d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            if (c == null) {
                cells.add(new DayCell(date, "unknown", date + ": không có dữ liệu giám sát"));
                continue;
            }
            if (c[0] + c[1] == 0) {
                cells.add(new DayCell(date, "maintenance", date + ": bảo trì theo kế hoạch"));
                continue;
            }
            up += c[0];
            total += c[0] + c[1];
            double share = (double) c[0] / (c[0] + c[1]);
            String level = c[1] == 0 ? "up" : share >= 0.9 ? "partial" : "down";
            cells.add(new DayCell(date, level, date + ": " + percent(share)));
        }
        Boolean last = latest.get(key);
        String state = underMaintenance ? "maintenance" : last == null ? "unknown" : last ? "up" : "down";
        String stateText = switch (state) {
            case "up" -> "Hoạt động bình thường";
            case "down" -> "Đang gián đoạn";
            case "maintenance" -> "Đang bảo trì theo kế hoạch";
            default -> "Chưa có dữ liệu";
        };
        return new Row(name, url, state, stateText, total == 0 ? "—" : percent((double) up / total), cells);
    }

    private Maintenance maintenanceOf(MaintenanceWindow w, Instant now) {
        String portals = w.allTenants() ? "Tất cả các cổng" : w.tenantCodes().stream()
                .map(code -> registry.findByCode(code).map(Tenant::nameVi).orElse(code))
                .collect(java.util.stream.Collectors.joining(", "));
        return new Maintenance(portals, format(w.startsAt().atOffset(java.time.ZoneOffset.UTC)),
                format(w.endsAt().atOffset(java.time.ZoneOffset.UTC)), w.underwayAt(now), w.messageVi());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100).replace('.', ',');
    }

    private static String format(OffsetDateTime t) {
        return t.atZoneSameInstant(VietnamTime.ZONE).format(WHEN);
    }
}
