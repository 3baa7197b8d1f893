package vn.cong.content.procedures;

import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processing figures of the online public services (seed 001 Đ14.2; 004 §II.3): per procedure and month the
 * applications received, processed, and of those on time and late. The responsible unit's staff (accounts of
 * the unit the procedure names; tenant admins and the head for any procedure) enter a month, or import many
 * from CSV, all rows or none. The figures of published procedures are public: entering them refreshes the pages.
 */
@Singleton
public class ProcessingFigures {

    /** Figures of one procedure for one month. */
    public record Month(long itemId, String title, String slug, String language, String unit, YearMonth month,
                       int received, int processed, int onTime, int late) {
    }

    /** A procedure someone may enter figures for. */
    public record Procedure(long id, String title, String slug, String unit) {
    }

    /** Figures as typed (form fields or CSV cells), checked by {@link #enter} and {@link #importCsv}. */
    public record Entry(String procedure, String month, String received, String processed, String onTime, String late) {
    }

    private static final String COLUMNS = """
            f.item_id, i.title, i.slug, i.language, p.unit, f.month, f.received, f.processed, f.on_time, f.late
            FROM procedure_figures f JOIN content_items i ON i.id = f.item_id JOIN procedures p ON p.item_id = f.item_id""";
    private static final String PUBLIC = "i.state = 'published' AND i.published_at <= now()";
    /** $1 the account, $2 whether any procedure: the procedures whose unit is the account's own unit. */
    private static final String MAY_ENTER = "($2 OR (unit_named(p.unit) IS NOT NULL AND unit_named(p.unit) = (SELECT unit_id FROM accounts WHERE id = $1)))";
    static final List<String> CSV_HEADER = List.of("thu_tuc", "thang", "tiep_nhan", "da_giai_quyet", "dung_han", "tre_han");
    private static final int MAX_FIGURE = 10_000_000;
    private static final int MAX_ROWS = 5_000;

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final Clock clock;

    ProcessingFigures(TenantDatabase db, PublicChanges changes, Clock clock) {
        this.db = db;
        this.changes = changes;
        this.clock = clock;
    }

    /** Whether the tenant has any figures (the demo adds its own only to a tenant without). */
    public Mono<Boolean> any(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT EXISTS (SELECT 1 FROM procedure_figures)", r -> r.get(0, Boolean.class)));
    }

    /** The procedures {@code accountId} may enter figures for ({@code anyUnit}: every procedure). */
    public Mono<List<Procedure>> enterable(Tenant tenant, long accountId, boolean anyUnit) {
        return db.flux(tenant, c -> c.query("""
                SELECT i.id, i.title, i.slug, p.unit FROM content_items i JOIN procedures p ON p.item_id = i.id
                WHERE i.kind = 'procedure' AND""" + " " + MAY_ENTER + " ORDER BY i.title, i.id",
                r -> new Procedure(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)),
                accountId, anyUnit)).collectList();
    }

    /** The months entered for the procedures {@code accountId} may enter, newest first (at most 200 rows). */
    public Mono<List<Month>> entered(Tenant tenant, long accountId, boolean anyUnit) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " WHERE " + MAY_ENTER + " ORDER BY f.month DESC, i.title LIMIT 200",
                ProcessingFigures::row, accountId, anyUnit)).collectList();
    }

    /** The published procedures' figures from {@code from} to {@code to} (months, inclusive), by procedure then month. */
    public Mono<List<Month>> published(Tenant tenant, YearMonth from, YearMonth to) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " WHERE " + PUBLIC + " AND f.month BETWEEN $1 AND $2 ORDER BY i.title, i.id, f.month",
                ProcessingFigures::row, from.atDay(1), to.atDay(1))).collectList();
    }

    /** The latest month entered for one published procedure. */
    public Mono<Optional<Month>> latest(Tenant tenant, long itemId) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " WHERE " + PUBLIC + " AND f.item_id = $1 ORDER BY f.month DESC LIMIT 1",
                ProcessingFigures::row, itemId)).collectList().map(rows -> rows.stream().findFirst());
    }

    /** Saves one month of one procedure (replacing what was entered for it), or fails with {@link FiguresRejected}. */
    public Mono<Void> enter(Tenant tenant, long actorId, boolean anyUnit, Entry entry) {
        Map<String, String> problems = problems(entry);
        if (!problems.isEmpty()) {
            return Mono.error(new FiguresRejected(problems, List.of()));
        }
        long itemId = Long.parseLong(entry.procedure().strip());
        return changes.inTenant(tenant, (c, change) -> mayEnter(c, actorId, anyUnit, itemId).flatMap(allowed -> allowed
                ? save(c, itemId, entry, "entered", actorId)
                        .then(audit(c, actorId, "procedure_figures.entered", "{\"item_id\": " + itemId + ", \"month\": \"" + month(entry) + "\"}"))
                        .then(change.pagesOf(tenant))
                : Mono.error(new FiguresRejected(Map.of("procedure", "Bạn chỉ nhập được số liệu cho thủ tục của đơn vị mình."), List.of()))))
                .then();
    }

    /**
     * Imports CSV lines {@code thu_tuc,thang,tiep_nhan,da_giai_quyet,dung_han,tre_han} (the procedure's address
     * slug, YYYY-MM, four counts) after that header line: every row is saved or, when any row is wrong, none is
     * and every wrong row is listed. Emits how many months were saved.
     */
    public Mono<Integer> importCsv(Tenant tenant, long actorId, boolean anyUnit, String csv) {
        List<String> lines = csv == null ? List.of() : csv.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty() || !header(lines.get(0)).equals(CSV_HEADER)) {
            return Mono.error(new FiguresRejected(Map.of(), List.of("Dòng đầu phải là tiêu đề: " + String.join(",", CSV_HEADER) + ".")));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return Mono.error(new FiguresRejected(Map.of(), List.of("Mỗi lần nhập tối đa " + MAX_ROWS + " dòng.")));
        }
        return changes.inTenant(tenant, (c, change) -> enterableBySlug(c, actorId, anyUnit).flatMap(slugs -> {
            List<String> errors = new ArrayList<>();
            List<Map.Entry<Long, Entry>> rows = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                String[] cells = lines.get(n).split("[,;]", -1);
                if (cells.length != CSV_HEADER.size()) {
                    errors.add("Dòng " + (n + 1) + ": cần " + CSV_HEADER.size() + " cột, có " + cells.length + ".");
                    continue;
                }
                Long itemId = slugs.get(cells[0].strip());
                Entry entry = new Entry(itemId == null ? "0" : itemId.toString(), cells[1], cells[2], cells[3], cells[4], cells[5]);
                Map<String, String> problems = new LinkedHashMap<>();
                if (itemId == null) {
                    problems.put("procedure", "không có thủ tục «" + cells[0].strip() + "» mà bạn được nhập số liệu");
                }
                problems(entry).forEach(problems::putIfAbsent);
                if (problems.isEmpty()) {
                    rows.add(Map.entry(itemId, entry));
                } else {
                    errors.add("Dòng " + (n + 1) + ": " + String.join("; ", problems.values()));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(new FiguresRejected(Map.of(), errors));
            }
            return Flux.fromIterable(rows).concatMap(r -> save(c, r.getKey(), r.getValue(), "imported", actorId)).then()
                    .then(audit(c, actorId, "procedure_figures.imported", "{\"rows\": " + rows.size() + "}"))
                    .then(change.pagesOf(tenant))
                    .thenReturn(rows.size());
        }));
    }

    private Map<String, String> problems(Entry e) {
        Map<String, String> p = new LinkedHashMap<>();
        if (e.procedure() == null || !e.procedure().strip().matches("[1-9]\\d{0,17}")) {
            p.put("procedure", "Vui lòng chọn thủ tục.");
        }
        YearMonth now = YearMonth.now(clock.withZone(VietnamTime.ZONE));
        String m = e.month() == null ? "" : e.month().strip();
        if (!m.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            p.put("month", "Tháng phải có dạng năm-tháng, ví dụ " + now + ".");
        } else if (YearMonth.parse(m).isAfter(now) || YearMonth.parse(m).getYear() < 2000) {
            p.put("month", "Không nhập số liệu cho tháng " + m + " (chưa đến, hoặc trước năm 2000).");
        }
        Integer received = count(p, "received", "Số hồ sơ tiếp nhận", e.received());
        Integer processed = count(p, "processed", "Số hồ sơ đã giải quyết", e.processed());
        Integer onTime = count(p, "onTime", "Số hồ sơ giải quyết đúng hạn", e.onTime());
        Integer late = count(p, "late", "Số hồ sơ giải quyết trễ hạn", e.late());
        if (received != null && processed != null && onTime != null && late != null && onTime + late != processed) {
            p.put("late", "Số đúng hạn (" + onTime + ") cộng số trễ hạn (" + late + ") phải bằng số đã giải quyết (" + processed + ").");
        }
        return p;
    }

    private static Integer count(Map<String, String> problems, String field, String label, String typed) {
        String t = typed == null ? "" : typed.strip().replace(".", "");
        if (!t.matches("\\d{1,8}") || Integer.parseInt(t) > MAX_FIGURE) {
            problems.put(field, label + " phải là số nguyên từ 0 đến 10.000.000.");
            return null;
        }
        return Integer.parseInt(t);
    }

    private static Mono<Boolean> mayEnter(TenantTx c, long accountId, boolean anyUnit, long itemId) {
        return c.one("SELECT count(*) FROM content_items i JOIN procedures p ON p.item_id = i.id WHERE i.id = $3 AND " + MAY_ENTER,
                r -> r.get(0, Long.class) > 0, accountId, anyUnit, itemId);
    }

    private static Mono<Map<String, Long>> enterableBySlug(TenantTx c, long accountId, boolean anyUnit) {
        return c.query("SELECT i.slug, min(i.id) FROM content_items i JOIN procedures p ON p.item_id = i.id WHERE " + MAY_ENTER + " GROUP BY i.slug",
                r -> Map.entry(r.get(0, String.class), r.get(1, Long.class)), accountId, anyUnit)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static Mono<Long> save(TenantTx c, long itemId, Entry e, String source, long actorId) {
        return c.update("""
                INSERT INTO procedure_figures (item_id, month, received, processed, on_time, late, source, entered_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (item_id, month) DO UPDATE SET received = excluded.received, processed = excluded.processed,
                    on_time = excluded.on_time, late = excluded.late, source = excluded.source,
                    entered_by = excluded.entered_by, entered_at = now()""",
                itemId, month(e).atDay(1), number(e.received()), number(e.processed()), number(e.onTime()), number(e.late()), source, actorId);
    }

    private static Mono<Long> audit(TenantTx c, long actorId, String action, String detailsJson) {
        return c.update("INSERT INTO audit_log (actor_id, action, details) VALUES ($1, $2, $3::jsonb)", actorId, action, detailsJson);
    }

    private static List<String> header(String line) {
        return List.of(line.toLowerCase().replace("\uFEFF", "").split("\\s*[,;]\\s*", -1));
    }

    private static YearMonth month(Entry e) {
        return YearMonth.parse(e.month().strip());
    }

    private static int number(String typed) {
        return Integer.parseInt(typed.strip().replace(".", ""));
    }

    private static Month row(Readable r) {
        return new Month(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                YearMonth.from(r.get(5, LocalDate.class)), r.get(6, Integer.class), r.get(7, Integer.class), r.get(8, Integer.class),
                r.get(9, Integer.class));
    }
}
