package vn.cong.ops.integrity;

import vn.cong.system.VietnamTime;
import io.micronaut.scheduling.cron.CronExpression;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Runs the integrity check once per slot of its schedule (daily at 02:30 by default), on exactly one
 * node: {@link IntegrityJob} ticks it on every node, and the first to insert the slot's run row owns
 * it (the slot is unique).
 */
@Singleton
public class IntegrityScheduler {

    private static final int MAX_STEPS = 50_000;

    private final IntegrityCheck check;
    private final CronExpression cron;

    public IntegrityScheduler(IntegrityCheck check, IntegrityConfiguration config) {
        this.check = check;
        this.cron = CronExpression.create(config.cron());
    }

    /** Runs the latest slot at or before {@code now} unless a node already has; empty when this node did not run it. */
    public Mono<IntegrityRun> runDue(Instant now) {
        OffsetDateTime slot = latestSlot(now);
        return slot == null ? Mono.empty() : check.claim(slot).flatMap(check::execute);
    }

    /** The latest time the schedule fired at or before {@code now} (looking back up to eight days). */
    OffsetDateTime latestSlot(Instant now) {
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
