package vn.cong.ops.integrity;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.jobs.CronSlots;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Runs the integrity check once per slot of its schedule (daily at 02:30 by default), on exactly one
 * node: {@link IntegrityJob} ticks it on every node, and the first to insert the slot's run row owns
 * it (the slot is unique).
 */
@Singleton
public class IntegrityScheduler {

    private final IntegrityCheck check;
    private final CronSlots slots;

    public IntegrityScheduler(IntegrityCheck check, IntegrityConfiguration config) {
        this.check = check;
        this.slots = CronSlots.of(config.cron());
    }

    /** Runs the latest slot at or before {@code now} unless a node already has; empty when this node did not run it. */
    public Mono<IntegrityRun> runDue(Instant now) {
        OffsetDateTime slot = latestSlot(now);
        return slot == null ? Mono.empty() : check.claim(slot).flatMap(check::execute);
    }

    /** The latest time the schedule fired at or before {@code now} (looking back up to eight days). */
    OffsetDateTime latestSlot(Instant now) {
        return slots.apply(now);
    }
}
