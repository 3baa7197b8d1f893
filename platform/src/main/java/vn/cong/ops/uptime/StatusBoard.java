package vn.cong.ops.uptime;

import vn.cong.system.VietnamTime;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple4;
import reactor.util.function.Tuples;
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
import java.time.Clock;

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
    private final UptimeReadings readings;
    private final TenantRegistry registry;
    private final PublicLinks links;
    private final MaintenanceWindows maintenance;
    private final Clock clock;

    StatusBoard(PlatformDatabase db, UptimeReadings readings, TenantRegistry registry, PublicLinks links, MaintenanceWindows maintenance, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.readings = readings;
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

    /** The board of one root domain's status page: the portals under that domain and their linked sites. */
    public Mono<Board> board(String domain) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        LocalDate from = today.minusDays(DAYS - 1L);
        OffsetDateTime since = from.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        // one transaction, its reads one after the other on its connection
        Mono<Tuple4<Map<String, Map<LocalDate, long[]>>, Map<String, Boolean>, List<UptimeReadings.Site>, List<UptimeReadings.IncidentRow>>> read =
                db.mono(tx -> readings.daysSince(since, tx).collectList()
                        .flatMap(days -> readings.latestChecksOfLastHour(tx)
                                .collectMap(UptimeReadings.LatestCheck::target, UptimeReadings.LatestCheck::ok)
                                .flatMap(latest -> readings.linkedSites(tx).collectList()
                                        .flatMap(sites -> readings.recentIncidents(100, tx).collectList()
                                                .map(incidents -> Tuples.of(perTarget(days), latest, sites, incidents))))));
        Instant now = clock.instant();
        Mono<List<MaintenanceWindow>> windows = maintenance.endingAfter(now).collectList();
        return Mono.zip(read, windows).map(both -> {
            var t = both.getT1();
            List<MaintenanceWindow> planned = both.getT2();
            Map<String, String> names = new HashMap<>();
            List<Row> rows = new ArrayList<>();
            for (Tenant tenant : registry.all()) {
                if (tenant.status() != Tenant.TenantStatus.ACTIVE || !registry.domainOf(tenant).equals(domain)) {
                    continue;
                }
                String key = "tenant:" + tenant.code();
                names.put(key, tenant.nameVi());
                boolean underway = planned.stream().anyMatch(w -> w.affects(tenant.code()) && w.underwayAt(now));
                rows.add(row(tenant.nameVi(), links.tenant(tenant, "/"), key, t.getT1(), t.getT2(), from, today,
                        underway));
            }
            for (UptimeReadings.Site s : t.getT3()) {
                if (registry.findByCode(s.tenantCode()).map(owner -> !registry.domainOf(owner).equals(domain)).orElse(true)) {
                    continue;
                }
                String key = "site:" + s.id();
                names.put(key, s.nameVi());
                rows.add(row(s.nameVi(), s.url(), key, t.getT1(), t.getT2(), from, today, false));
            }
            List<Incident> open = new ArrayList<>();
            List<Incident> recent = new ArrayList<>();
            for (UptimeReadings.IncidentRow i : t.getT4()) {
                if (!names.containsKey(i.target())) {
                    continue; // another domain's portal
                }
                Incident incident = new Incident(names.getOrDefault(i.target(), i.target()), i.url(),
                        format(i.openedAt()), i.closedAt() == null ? null : format(i.closedAt()), i.lastError());
                (i.closedAt() == null ? open : recent).add(incident);
            }
            return new Board(rows, open, recent, planned.stream().map(w -> maintenanceOf(w, now)).toList(), format(OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)));
        });
    }

    private static Map<String, Map<LocalDate, long[]>> perTarget(List<UptimeReadings.DayCount> days) {
        Map<String, Map<LocalDate, long[]>> map = new HashMap<>();
        days.forEach(d -> map.computeIfAbsent(d.target(), k -> new HashMap<>()).put(d.day(), new long[]{d.up(), d.down(), d.maintenance()}));
        return map;
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
