package vn.cong.reports.reminders;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editorial board's reminders to units (seed 003 Đ18) and each unit's count for a year with its
 * consequence. A reminder is kept as recorded (never edited), goes in the audit log, and the unit's focal
 * point is told (an in-app notification, mailed like every notification).
 */
@Singleton
public class UnitReminders {

    /** One reminder as recorded. */
    public record Reminder(long id, long unitId, String unitName, LocalDate remindedOn, String reason, String recordedBy) {
    }

    /** A unit's reminders in a year and what they cost it. */
    public record YearCount(long unitId, String unitName, String headName, long reminders, EmulationConsequence consequence) {
    }

    /** A reminder as typed on the form. */
    public record Entry(String unitId, String remindedOn, String reason) {
    }

    private final TenantDatabase db;
    private final Clock clock;

    UnitReminders(TenantDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether the tenant has recorded any reminder (the demo adds its own only to a tenant without). */
    public Mono<Boolean> any(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT EXISTS (SELECT 1 FROM unit_reminders)", r -> r.get(0, Boolean.class)));
    }

    /** Every unit with its reminders in {@code year} (units without any too), most reminded first. */
    public Mono<List<YearCount>> year(Tenant tenant, int year) {
        return db.flux(tenant, c -> c.query("""
                SELECT u.id, u.name, u.head_name, count(r.id) FROM org_units u
                LEFT JOIN unit_reminders r ON r.unit_id = u.id AND r.reminded_on >= $1 AND r.reminded_on < $2
                GROUP BY u.id, u.name, u.head_name ORDER BY count(r.id) DESC, u.position, u.name""",
                r -> {
                    long n = r.get(3, Long.class);
                    return new YearCount(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), n, EmulationConsequence.of(n));
                }, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))).collectList();
    }

    /** The reminders of {@code year}, newest first. */
    public Mono<List<Reminder>> reminders(Tenant tenant, int year) {
        return db.flux(tenant, c -> c.query("""
                SELECT r.id, r.unit_id, u.name, r.reminded_on, r.reason, coalesce(a.full_name, '') FROM unit_reminders r
                JOIN org_units u ON u.id = r.unit_id LEFT JOIN accounts a ON a.id = r.recorded_by
                WHERE r.reminded_on >= $1 AND r.reminded_on < $2 ORDER BY r.reminded_on DESC, r.id DESC""",
                r -> new Reminder(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, LocalDate.class),
                        r.get(4, String.class), r.get(5, String.class)),
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))).collectList();
    }

    /** Records a reminder, or fails with {@link ReminderRejected} (problems by field); emits the unit's count in that year. */
    public Mono<Long> record(Tenant tenant, long actorId, Entry entry) {
        Map<String, String> problems = new LinkedHashMap<>();
        String unit = entry.unitId() == null ? "" : entry.unitId().strip();
        if (!unit.matches("[1-9]\\d{0,17}")) {
            problems.put("unitId", "Vui lòng chọn đơn vị.");
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate on = null;
        try {
            on = LocalDate.parse(entry.remindedOn() == null ? "" : entry.remindedOn().strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.put("remindedOn", "Ngày nhắc nhở phải có dạng năm-tháng-ngày, ví dụ " + today + ".");
        }
        if (on != null && (on.isAfter(today) || on.getYear() < 2000)) {
            problems.put("remindedOn", "Ngày nhắc nhở không được sau hôm nay.");
        }
        String reason = entry.reason() == null ? "" : entry.reason().strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            problems.put("reason", "Vui lòng ghi lý do nhắc nhở (tối đa 1.000 ký tự).");
        }
        if (!problems.isEmpty()) {
            return Mono.error(new ReminderRejected(problems));
        }
        long unitId = Long.parseLong(unit);
        LocalDate day = on;
        return db.mono(tenant, c -> c.one("SELECT name, focal_account_id FROM org_units WHERE id = $1",
                        r -> new Object[]{r.get(0, String.class), r.get(1, Long.class)}, unitId)
                .switchIfEmpty(Mono.error(new ReminderRejected(Map.of("unitId", "Không có đơn vị này."))))
                .flatMap(u -> c.update("INSERT INTO unit_reminders (unit_id, reminded_on, reason, recorded_by) VALUES ($1, $2, $3, $4)",
                                unitId, day, reason, actorId)
                        .then(c.update("INSERT INTO audit_log (actor_id, action, details) VALUES ($1, 'unit.reminded', jsonb_build_object('unit_id', $2::bigint, 'on', $3::text))",
                                actorId, unitId, day.toString()))
                        .then(c.one("SELECT count(*) FROM unit_reminders WHERE unit_id = $1 AND extract(year FROM reminded_on) = $2",
                                r -> r.get(0, Long.class), unitId, day.getYear()))
                        .flatMap(count -> (u[1] == null ? Mono.just(0L) : c.update("INSERT INTO notifications (account_id, message) VALUES ($1, $2)",
                                u[1], "Ban Biên tập nhắc nhở đơn vị " + u[0] + " ngày " + day.getDayOfMonth() + "/" + day.getMonthValue() + "/"
                                        + day.getYear() + ": " + reason + " (lần thứ " + count + " trong năm " + day.getYear() + "; "
                                        + EmulationConsequence.of(count).label().toLowerCase() + ")."))
                                .thenReturn(count))));
    }

    /** The year the page opens on: this year in Vietnam. */
    public int thisYear() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
    }
}
