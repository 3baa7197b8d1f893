package vn.cong.ops.uptime;

import vn.cong.system.VietnamTime;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.Clock;

/**
 * Availability of a target per day (Asia/Ho_Chi_Minh): the share of monitored rounds in which it
 * answered. Rounds the monitor itself missed are counted as unknown, never as up; checks of a portal
 * during an announced maintenance window of its tenant count as maintenance, neither up nor down.
 */
@Singleton
public class Availability {

    private final PlatformDatabase db;
    private final UptimeReadings readings;
    private final UptimeConfiguration config;
    private final Clock clock;

    Availability(PlatformDatabase db, UptimeReadings readings, UptimeConfiguration config, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.readings = readings;
        this.config = config;
    }

    /** One day of one target. {@code availability} is null when nothing was monitored outside maintenance that day. */
    @Serdeable
    public record Day(LocalDate date, long up, long down, long maintenance, long unknown, Double availability) {
    }

    public Mono<List<Day>> daily(String target, LocalDate from, LocalDate to) {
        long slotsPerDay = 86_400_000L / config.interval().toMillis();
        return db.flux(tx -> readings.daysOf(target, from.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime(), tx))
                .collectList()
                .map(rows -> {
                    Map<LocalDate, long[]> byDay = new TreeMap<>();
                    rows.forEach(r -> byDay.put(r.day(), new long[]{r.up(), r.down(), r.maintenance()}));
                    List<Day> days = new ArrayList<>();
                    LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        long[] counts = byDay.getOrDefault(d, new long[]{0, 0, 0});
                        long expected = d.isAfter(today) ? 0 : d.equals(today)
                                ? (java.time.Duration.between(d.atStartOfDay(VietnamTime.ZONE).toInstant(), clock.instant()).toMillis()
                                / config.interval().toMillis())
                                : slotsPerDay;
                        long counted = counts[0] + counts[1];
                        Double share = counted == 0 ? null : (double) counts[0] / counted;
                        days.add(new Day(d, counts[0], counts[1], counts[2], Math.max(0, expected - counted - counts[2]), share));
                    }
                    return days;
                });
    }
}
