package vn.cong.ops.backup;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.time.Clock;

/**
 * Backups, verifications and restores the operator asks for (console or API), run OFF the request
 * path: the request records the run and answers at once; the work runs in the background (its blocking
 * steps on the bounded {@code backups} executor, pg_dump and pg_restore one at a time), kept alive by the
 * heartbeat, and writes its progress on the run's row, which is what the console and the API poll.
 */
@Singleton
public class BackupJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BackupJobs.class);

    private final TenantBackups backups;
    private final BackupVerification verification;
    private final TenantRestore restore;
    private final BackupRuns runs;
    private final BackupHistory history;
    private final BackupHeartbeat heartbeat;
    private final PlatformDatabase db;
    private final TenantRegistry registry;
    private final PlatformConfiguration config;
    private final BackupAlerts alerts;
    private final Clock clock;

    BackupJobs(TenantBackups backups, BackupVerification verification, TenantRestore restore, BackupRuns runs, BackupHistory history,
               BackupHeartbeat heartbeat, PlatformDatabase db, TenantRegistry registry, PlatformConfiguration config, BackupAlerts alerts,
               Clock clock) {
        this.backups = backups;
        this.verification = verification;
        this.restore = restore;
        this.runs = runs;
        this.history = history;
        this.heartbeat = heartbeat;
        this.db = db;
        this.registry = registry;
        this.config = config;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Records a manual backup of the tenant (phase queued) and takes and verifies it in the background. */
    public Mono<BackupRun> backUpNow(Tenant tenant, String operator) {
        return db.mono(tx -> runs.insert(tx.forTenant(tenant), "manual", BackupPhase.QUEUED, operator, clock.instant()))
                .doOnNext(id -> backups.take(tenant, id)
                        .filter(run -> "succeeded".equals(run.status()))
                        .flatMap(run -> verification.verify(tenant, id))
                        .subscribe(null, e -> LOG.error("Tenant {}: backup {} bookkeeping failed", tenant.code(), id, e)))
                .flatMap(id -> history.find(tenant, id));
    }

    /**
     * Verifies a finished backup of the tenant again, in the background; empty when the tenant has no
     * such usable backup (unknown, failed, deleted by retention, or being verified right now).
     */
    public Mono<BackupRun> verifyLater(String tenantCode, long runId) {
        return Mono.justOrEmpty(registry.findByCode(tenantCode))
                .flatMap(tenant -> db.mono(tx -> runs.queueVerification(tx.forTenant(tenant), runId, clock.instant()))
                        .doOnNext(id -> verification.verify(tenant, id)
                                .subscribe(null, e -> LOG.error("Tenant {}: verification of backup {} failed", tenantCode, id, e)))
                        .flatMap(id -> history.find(tenant, id)));
    }

    /** Either the restore that was started, or every reason it was not. */
    public record Started(RestoreRun run, List<FieldError> errors) {
        static Started refused(List<FieldError> errors) {
            return new Started(null, errors);
        }
    }

    /**
     * Starts restoring backup {@code runId} of {@code tenant}: into the same tenant (a fresh safety
     * backup is taken first) or as a new tenant. Refused, with every reason, when the request is
     * incomplete, not confirmed, the backup is not usable, or the new code or host label is taken.
     */
    public Mono<Started> restore(Tenant tenant, long runId, RestoreRequest request, String operator) {
        List<FieldError> errors = new ArrayList<>(request.problems(tenant.code()));
        return history.find(tenant, runId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(run -> {
                    if (run.isEmpty() || !run.get().usable()) {
                        errors.add(new FieldError("backup", "bản sao lưu #" + runId + " của cổng " + tenant.code()
                                + " không dùng để khôi phục được (không có, chưa xong, thất bại hoặc đã bị xoá)"));
                    } else if ("failed".equals(run.get().verificationStatus())) {
                        errors.add(new FieldError("backup", "bản sao lưu #" + runId + " đã không qua kiểm chứng: không khôi phục từ bản này"));
                    }
                    return request.intoSameTenant() ? Mono.just(errors) : takenProblems(tenant, request, errors);
                })
                .flatMap(all -> all.isEmpty() ? start(tenant, runId, request, operator) : Mono.just(Started.refused(all)));
    }

    /**
     * A new tenant keeps the original's parent, so the root portal cannot be copied into a new one
     * (one root per base domain); its code must be free, and so must its host, whoever holds it
     * (another tenant's label or alias, the root's bare domain and {@code www}, the platform's hosts).
     */
    private Mono<List<FieldError>> takenProblems(Tenant source, RestoreRequest request, List<FieldError> errors) {
        String code = RestoreRequest.clean(request.newCode());
        String label = RestoreRequest.clean(request.abbreviation());
        if (source.isMinistry()) {
            errors.add(new FieldError("into", "cổng gốc «" + source.code() + "» không khôi phục thành cổng mới được (mỗi tên miền "
                    + registry.domainOf(source) + " chỉ có một cổng gốc); hãy khôi phục vào chính cổng này"));
        }
        if (registry.findByCode(code).isPresent()) {
            errors.add(new FieldError("newCode", "đã có cổng mã «" + code + "»"));
        }
        String domain = registry.domainOf(source);
        String host = label + "." + domain;
        if (host.equals(config.operatorHost()) || host.equals("status." + domain) || host.equals("www." + domain)) {
            errors.add(new FieldError("abbreviation", "tên miền «" + host + "» dành riêng cho nền tảng hoặc cổng gốc"));
        } else if (registry.findByHost(host).isPresent()) {
            errors.add(new FieldError("abbreviation", "tên miền «" + host + "» đang dùng cho cổng «"
                    + registry.findByHost(host).get().code() + "»"));
            return Mono.just(errors);
        }
        return db.mono(c -> c.one("""
                        SELECT code FROM platform.tenants WHERE abbreviation = $1 AND coalesce(domain, '') = $3
                        UNION SELECT tenant_code FROM platform.domain_aliases WHERE host = $2 LIMIT 1""",
                        r -> r.get(0, String.class), label, host, source.domain() == null ? "" : source.domain()))
                .map(owner -> {
                    errors.add(new FieldError("abbreviation", "nhãn «" + label + "» đang dùng cho cổng «" + owner + "»"));
                    return errors;
                })
                .defaultIfEmpty(errors);
    }

    private Mono<Started> start(Tenant tenant, long runId, RestoreRequest request, String operator) {
        String target = request.targetCode(tenant.code());
        boolean same = request.intoSameTenant();
        return db.mono(tx -> runs.insertRestore(tx.forTenant(tenant), runId, request.into(), target,
                        same ? null : RestoreRequest.clean(request.abbreviation()), operator,
                        same ? null : request.nameVi(), same ? null : request.nameEnOrVi(), clock.instant()))
                .doOnNext(run -> heartbeat.whileRestoring(run.id(), work(tenant, run))
                        .subscribe(null, e -> LOG.error("Restore {} bookkeeping failed", run.id(), e)))
                .map(run -> new Started(run, List.of()))
                .onErrorResume(R2dbcDataIntegrityViolationException.class, e -> Mono.just(Started.refused(List.of(
                        new FieldError("backup", "đang có một lần khôi phục vào cổng «" + target + "» chưa xong")))));
    }

    private Mono<Void> work(Tenant tenant, RestoreRun run) {
        Mono<TenantRestore.InPlace> restored = "same".equals(run.mode())
                ? restore.restoreInPlace(run.backupRunId(), tenant)
                : restore.restoreAsNewTenant(run.backupRunId(), tenant, run.targetCode(), run.abbreviation(), run.nameVi(), run.nameEn())
                        .thenReturn(new TenantRestore.InPlace(null, null));
        return restored
                .flatMap(first -> finish(tenant, run.id(), "succeeded", first.safety() == null ? null : first.safety().id(), null,
                        first.safetySkipped()))
                .doOnSuccess(done -> LOG.info("Restore {}: backup {} of {} restored into {}", run.id(), run.backupRunId(),
                        run.tenantCode(), run.targetCode()))
                .onErrorResume(e -> {
                    LOG.error("ALERT restore {} of backup {} into {} failed", run.id(), run.backupRunId(), run.targetCode(), e);
                    alerts.restoreFailed(run.tenantCode(), run.id(), String.valueOf(e.getMessage()));
                    return finish(tenant, run.id(), "failed", null, String.valueOf(e.getMessage()), null);
                });
    }

    private Mono<Void> finish(Tenant tenant, long id, String status, Long safetyRunId, String error, String safetySkipped) {
        return db.mono(tx -> runs.finishRestore(tx.forTenant(tenant), id, status, safetyRunId, error, safetySkipped)).then();
    }
}
