package vn.cong.ops.integrity;

import vn.cong.system.StoredCode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.ops.OperatorAlerts;
import vn.cong.ops.integrity.IntegrityFinding.Kind;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The integrity check [002 Đ6.1]: for every tenant (or one), re-hashes every published item against
 * the fingerprint the workflow stored, and verifies the workflow's event hash chain, in the same run.
 * Each tenant is its own unit of work in its own schema; what is found is recorded per tenant as the
 * run goes, and every finding is logged as an ALERT.
 */
@Singleton
public class IntegrityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityCheck.class);

    /** Who started a run. */
    public enum Trigger implements StoredCode {
        SCHEDULED, OPERATOR, COMMAND;
    }

    private final TenantRegistry registry;
    private final PublishedContentCheck content;
    private final EventChainCheck chain;
    private final IntegrityRuns runs;
    private final OperatorAlerts alerts;
    private final String node = nodeName();

    IntegrityCheck(TenantRegistry registry, PublishedContentCheck content, EventChainCheck chain, IntegrityRuns runs,
                   OperatorAlerts alerts) {
        this.registry = registry;
        this.content = content;
        this.chain = chain;
        this.runs = runs;
        this.alerts = alerts;
    }

    /** What the webhook receives when a run found something or could not complete. */
    @Serdeable
    public record IntegrityAlert(String event, long run, String status, int findings, List<String> tenants) {
    }

    /** Starts and completes a run over every tenant ({@code tenantCode} null) or one. */
    public Mono<IntegrityRun> run(Trigger trigger, @Nullable String tenantCode, @Nullable String requestedBy) {
        return start(trigger, tenantCode, requestedBy).flatMap(this::execute);
    }

    /** Records a run that has not started checking yet (the operator API answers with it at once). */
    public Mono<IntegrityRun> start(Trigger trigger, @Nullable String tenantCode, @Nullable String requestedBy) {
        if (tenantCode != null && registry.findByCode(tenantCode).isEmpty()) {
            return Mono.error(new IllegalArgumentException("không có cổng mã «" + tenantCode + "»"));
        }
        return runs.start(trigger.db(), null, tenantCode, requestedBy, node).flatMap(runs::find);
    }

    /** Claims a scheduled slot for this node; empty when another node already has it. */
    Mono<IntegrityRun> claim(OffsetDateTime slot) {
        return runs.start(Trigger.SCHEDULED.db(), slot, null, null, node).flatMap(runs::find);
    }

    /** Checks the run's tenants, records the results, and emits the finished run with its findings. */
    public Mono<IntegrityRun> execute(IntegrityRun run) {
        List<Tenant> tenants = run.tenantCode() == null
                // a failed schema is already marked; one this node is still upgrading cannot be read yet (not a finding)
                ? registry.all().stream().filter(t -> t.migrationStatus() != Tenant.MigrationStatus.FAILED && !t.upgrading()).toList()
                : registry.findByCode(run.tenantCode()).stream().toList();
        return Flux.fromIterable(tenants)
                .concatMap(tenant -> checkTenant(run.id(), tenant))
                .then(runs.finish(run.id(), null))
                .onErrorResume(e -> {
                    LOG.error("ALERT integrity run {} could not complete", run.id(), e);
                    return runs.finish(run.id(), String.valueOf(e.getMessage()));
                })
                .then(Mono.defer(() -> runs.find(run.id())))
                .doOnNext(done -> LOG.info("Integrity run {} ({}): {} tenants, {} published items, {} events, {} findings: {}",
                        done.id(), done.trigger(), done.tenantsChecked(), done.itemsChecked(), done.eventsChecked(),
                        done.findingsCount(), done.status()))
                .doOnNext(this::alertIfNeeded);
    }

    public Flux<IntegrityRun> recent(int limit) {
        return runs.recent(limit);
    }

    public Mono<IntegrityRun> find(long runId) {
        return runs.find(runId);
    }

    private void alertIfNeeded(IntegrityRun done) {
        if (done.clean() || "running".equals(done.status())) {
            return;
        }
        List<String> tenants = done.findings().stream().map(IntegrityFinding::tenantCode).distinct().toList();
        StringBuilder body = new StringBuilder("Kiểm tra toàn vẹn #" + done.id() + ": ");
        body.append("failed".equals(done.status()) ? "không hoàn tất: " + done.error()
                : "phát hiện " + done.findingsCount() + " vấn đề (nội dung hoặc nhật ký bị thay đổi ngoài quy trình).");
        body.append("\n\n");
        done.findings().stream().limit(50).forEach(f -> body.append("[").append(f.tenantCode()).append("] ")
                .append(f.kind().db()).append(": ").append(f.summary()).append("\n"));
        alerts.raise(new IntegrityAlert("integrity." + done.status(), done.id(), done.status(), done.findingsCount(), tenants),
                "failed".equals(done.status()) ? "Kiểm tra toàn vẹn #" + done.id() + " không hoàn tất"
                        : "Kiểm tra toàn vẹn #" + done.id() + ": " + done.findingsCount() + " vấn đề ở " + String.join(", ", tenants),
                body.toString());
    }

    private Mono<Void> checkTenant(long runId, Tenant tenant) {
        return runs.anchor(tenant)
                .flatMap(anchor -> content.check(tenant)
                        .flatMap(items -> chain.verify(tenant, anchor.orElse(null))
                                .flatMap(events -> {
                                    List<IntegrityFinding> findings = new java.util.ArrayList<>(items.findings());
                                    findings.addAll(events.findings());
                                    return record(runId, tenant, items.itemsChecked(), events.eventsChecked(), findings, events.cleanEnd());
                                })))
                .onErrorResume(e -> {
                    LOG.error("Integrity run {}: tenant {} could not be checked", runId, tenant.code(), e);
                    return record(runId, tenant, 0, 0, List.of(IntegrityFinding.event(tenant.code(), Kind.CHECK_FAILED, null, null,
                            "Không kiểm tra được cổng: " + e.getMessage())), null);
                });
    }

    private Mono<Void> record(long runId, Tenant tenant, long items, long events, List<IntegrityFinding> findings,
                              @Nullable ChainAnchor cleanEnd) {
        findings.forEach(f -> LOG.error("ALERT integrity run {}: tenant {}: {}: {}{}", runId, tenant.code(), f.kind().db(), f.summary(),
                f.changes().isEmpty() ? "" : " " + f.changes()));
        return runs.recordTenant(runId, tenant, items, events, findings, cleanEnd);
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }
}
