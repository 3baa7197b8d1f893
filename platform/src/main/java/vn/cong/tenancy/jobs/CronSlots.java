package vn.cong.tenancy.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.cron.CronExpression;
import vn.cong.system.VietnamTime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * The slots of a cron schedule in Vietnam time, for {@link ScheduledJob#slottedBy}: a tick belongs to
 * the latest firing at or before it, so each firing is claimed once, and a node that starts after a
 * missed firing still runs it.
 */
public final class CronSlots implements Function<Instant, OffsetDateTime> {

    private static final int MAX_STEPS = 50_000;

    private final CronExpression cron;

    private CronSlots(CronExpression cron) {
        this.cron = cron;
    }

    public static CronSlots of(String cron) {
        return new CronSlots(CronExpression.create(cron));
    }

    /** The latest time the schedule fired at or before {@code now} (looking back up to eight days); null if none. */
    @Override
    @Nullable
    public OffsetDateTime apply(Instant now) {
        ZonedDateTime end = now.atZone(VietnamTime.ZONE);
        ZonedDateTime t = end.minusDays(8);
        ZonedDateTime latest = null;
        for (int i = 0; i < MAX_STEPS; i++) {
            ZonedDateTime next = cron.nextTimeAfter(t);
            if (next == null || next.isAfter(end)) {
                break;
            }
            latest = next;
            t = next;
        }
        return latest == null ? null : latest.toOffsetDateTime();
    }
}
