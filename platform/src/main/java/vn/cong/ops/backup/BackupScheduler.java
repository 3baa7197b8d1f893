package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Folders;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Runs each tenant's scheduled backups off the request path, then verifies them and applies the
 * retention policy. A due slot is claimed in PostgreSQL (FOR UPDATE SKIP LOCKED, next slot written in
 * the same transaction), so with several platform nodes every slot runs on exactly one of them. Each
 * tick first gives up the runs whose node stopped ({@link BackupHeartbeat#failAbandoned}).
 */
@Singleton
public class BackupScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

    private final TenantBackups backups;
    private final BackupVerification verification;
    private final BackupRuns runs;
    private final BackupSchedules schedules;
    private final BackupHeartbeat heartbeat;
    private final PlatformDatabase db;
    private final BackupThreads threads;
    private final TenantRegistry registry;
    private final BackupFrequencies frequencies;
    private final BackupWindow window;
    private final int concurrency;
    private final Clock clock;

    BackupScheduler(TenantBackups backups, BackupVerification verification, BackupRuns runs, BackupSchedules schedules,
                    BackupHeartbeat heartbeat, PlatformDatabase db, BackupThreads threads, TenantRegistry registry,
                    BackupFrequencies frequencies, BackupSchedulerConfiguration config, Clock clock) {
        this.frequencies = frequencies;
        this.window = new BackupWindow(config.window());
        this.concurrency = Math.max(1, config.concurrency());
        this.backups = backups;
        this.verification = verification;
        this.runs = runs;
        this.schedules = schedules;
        this.heartbeat = heartbeat;
        this.db = db;
        this.threads = threads;
        this.registry = registry;
        this.clock = clock;
    }

    /** One tick of {@link BackupJob}: runs cut off are marked failed, every tenant gets a schedule, then the due ones run. */
    Mono<List<BackupRun>> tick(Instant now) {
        return heartbeat.failAbandoned(now)
                .then(ensureSchedules(BackupSchedulePreset.TWICE_A_WEEK.cron()))
                .then(runDue(now));
    }

    /**
     * Gives every tenant without a schedule the one its regulation profile's backup frequency asks for
     * ({@link BackupFrequencies}), or {@code fallback} when its profile cannot be read (a schema not ready yet).
     */
    public Mono<Void> ensureSchedules(String fallback) {
        return db.flux(schedules::missing).collectList()
                .flatMapMany(codes -> reactor.core.publisher.Flux.fromIterable(codes))
                .concatMap(code -> Mono.justOrEmpty(registry.findByCode(code))
                        .flatMap(tenant -> frequencies.cronOf(tenant).defaultIfEmpty(fallback).onErrorReturn(fallback)
                                .flatMap(cron -> followProfile(tenant, cron))))
                .then();
    }

    /**
     * Sets a tenant's schedule explicitly (the operator; it then no longer follows the profile): a preset name
     * ({@code twice-a-week}, {@code daily}) or a cron expression (an invalid one fails).
     */
    public Mono<Void> schedule(String tenantCode, String presetOrCron, int keepDaily, int keepWeekly) {
        return Mono.defer(() -> {
            String cron = BackupSchedulePreset.cronFor(presetOrCron);
            Instant next = window.slotAfter(tenantCode, cron, clock.instant()); // throws on an invalid expression
            Tenant tenant = registry.findByCode(tenantCode).orElseThrow(() -> new BackupFailure("Không có cổng mã " + tenantCode));
            return db.mono(tx -> schedules.set(tx.forTenant(tenant), cron, keepDaily, keepWeekly, next, "operator")).then();
        });
    }

    /** Returns a tenant to the schedule its regulation profile asks for (the operator undoing an explicit one). */
    public Mono<Void> useProfile(String tenantCode, int keepDaily, int keepWeekly) {
        return Mono.defer(() -> {
            Tenant tenant = registry.findByCode(tenantCode).orElseThrow(() -> new BackupFailure("Không có cổng mã " + tenantCode));
            return frequencies.cronOf(tenant).defaultIfEmpty(BackupSchedulePreset.TWICE_A_WEEK.cron())
                    .flatMap(cron -> db.mono(tx -> schedules.set(tx.forTenant(tenant), cron, keepDaily, keepWeekly,
                            window.slotAfter(tenant.code(), cron, clock.instant()), "profile")))
                    .then();
        });
    }

    /** The profile asks for {@code cron}: a schedule following the profile (or none yet) takes it; an explicit one stays. */
    Mono<Void> followProfile(Tenant tenant, String cron) {
        return Mono.defer(() -> db.mono(tx -> schedules.followProfile(tx.forTenant(tenant), cron,
                window.slotAfter(tenant.code(), cron, clock.instant())))).then();
    }

    /**
     * Claims and runs every schedule due at {@code now}, {@code cong.backup.scheduler.concurrency} tenants at a time
     * (their blocking steps still share the {@code backups} executor); emits the runs this node made. Each claimed
     * schedule moves to its next slot inside the window ({@link BackupWindow}). One tenant's failure stops no other.
     */
    public Mono<List<BackupRun>> runDue(Instant now) {
        return db.flux(tx -> schedules.claimDue(tx, now, (code, cron) -> window.slotAfter(code, cron, now)))
                .flatMap(claim -> registry.findByCode(claim.tenantCode()).filter(Tenant::isServing)
                        .map(tenant -> runClaimed(tenant, claim, now))
                        .orElseGet(Mono::empty), concurrency)
                .collectList();
    }

    private Mono<BackupRun> runClaimed(Tenant tenant, BackupSchedules.Claim claim, Instant now) {
        return backups.backup(tenant, "scheduled")
                .flatMap(run -> "succeeded".equals(run.status()) && claim.verify() ? verification.verify(tenant, run.id()) : Mono.just(run))
                .flatMap(run -> applyRetention(tenant, new RetentionPolicy(claim.keepDaily(), claim.keepWeekly(), VietnamTime.ZONE), now)
                        .thenReturn(run))
                .onErrorResume(e -> {
                    LOG.error("Tenant {}: scheduled backup failed; the other tenants go on", tenant.code(), e);
                    return Mono.empty();
                });
    }

    /** Deletes the backups the policy no longer keeps: their folders, and marks their records. */
    public Mono<Set<Long>> applyRetention(Tenant tenant, RetentionPolicy policy, Instant now) {
        return db.flux(tx -> runs.kept(tx.forTenant(tenant))).collectList().flatMap(kept -> {
            Set<Long> delete = policy.toDelete(kept.stream()
                    .map(r -> new RetentionPolicy.Taken(r.id(), r.startedAt().toInstant())).toList(), now);
            return Flux.fromIterable(kept).filter(r -> delete.contains(r.id()))
                    .concatMap(r -> threads.run(() -> Folders.deleteTree(Path.of(r.path())))
                            .then(db.mono(tx -> runs.markDeleted(tx.forTenant(tenant), r.id())))
                            .doOnNext(n -> LOG.info("Tenant {}: backup {} removed by the retention policy", tenant.code(), r.id())))
                    .then(Mono.just(delete));
        });
    }
}
