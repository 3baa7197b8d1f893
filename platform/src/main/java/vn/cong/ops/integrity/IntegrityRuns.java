package vn.cong.ops.integrity;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Integrity runs and their findings in the platform schema, where the operator console reads them. */
@Singleton
class IntegrityRuns {
    private static final String COLUMNS = """
            id, trigger, tenant_code, requested_by, status, tenants_checked, items_checked, events_checked, findings,
            error, started_at, finished_at""";

    private final PlatformDatabase db;
    private final JsonMapper json;

    IntegrityRuns(PlatformDatabase db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records a new run; for a scheduled one, empty when another node already claimed its slot. */
    Mono<Long> start(String trigger, @Nullable OffsetDateTime slot, @Nullable String tenantCode, @Nullable String requestedBy,
                     String node) {
        return db.mono(c -> c.one("""
                        INSERT INTO platform.integrity_runs (trigger, slot, tenant_code, requested_by, node)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slot) DO NOTHING RETURNING id""",
                r -> r.get(0, Long.class), trigger, Sql.orNull(slot, OffsetDateTime.class),
                Sql.orNull(tenantCode, String.class), Sql.orNull(requestedBy, String.class), node));
    }

    Mono<Optional<ChainAnchor>> anchor(Tenant tenant) {
        return db.mono(c -> c.forTenant(tenant).one("SELECT seq, hash FROM platform.integrity_chain_anchors WHERE tenant_code = $1",
                        r -> Optional.of(new ChainAnchor(r.get(0, Long.class), r.get(1, String.class)))))
                .defaultIfEmpty(Optional.empty());
    }

    /** One tenant's results: its findings, the run's counters and (when its chain is clean) the new anchor. */
    Mono<Void> recordTenant(long runId, Tenant tenant, long items, long events, List<IntegrityFinding> findings,
                            @Nullable ChainAnchor cleanEnd) {
        return db.mono(c -> Flux.fromIterable(findings).concatMap(f -> c.update("""
                                INSERT INTO platform.integrity_findings (run_id, tenant_code, kind, item_id, event_id, event_seq, summary, changes)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)""",
                        runId, f.tenantCode(), f.kind().db(), Sql.orNull(f.itemId(), Long.class), Sql.orNull(f.eventId(), Long.class),
                        Sql.orNull(f.eventSeq(), Long.class), f.summary(), toJson(f.changes())))
                .then(c.update("""
                                UPDATE platform.integrity_runs SET tenants_checked = tenants_checked + 1, items_checked = items_checked + $2,
                                    events_checked = events_checked + $3, findings = findings + $4 WHERE id = $1""",
                        runId, items, events, findings.size()))
                .then(cleanEnd == null ? Mono.just(0L) : c.forTenant(tenant).update("""
                                INSERT INTO platform.integrity_chain_anchors (tenant_code, seq, hash, run_id) VALUES ($1, $2, $3, $4)
                                ON CONFLICT (tenant_code) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                                    run_id = excluded.run_id, recorded_at = now()""",
                        cleanEnd.seq(), cleanEnd.hash(), runId))
                .then());
    }

    Mono<Void> finish(long runId, @Nullable String error) {
        return db.mono(c -> c.update("""
                        UPDATE platform.integrity_runs SET finished_at = now(), error = $2,
                            status = CASE WHEN $2::text IS NOT NULL THEN 'failed' WHEN findings > 0 THEN 'findings' ELSE 'clean' END
                        WHERE id = $1""", runId, Sql.orNull(error, String.class)))
                .then();
    }

    Mono<IntegrityRun> find(long runId) {
        return db.mono(c -> c.one("SELECT " + COLUMNS + " FROM platform.integrity_runs WHERE id = $1", this::run, runId)
                .flatMap(run -> c.query("""
                                SELECT tenant_code, kind, item_id, event_id, event_seq, summary, changes::text
                                FROM platform.integrity_findings WHERE run_id = $1 ORDER BY id""", this::finding, runId)
                        .collectList()
                        .map(run::withFindings)));
    }

    Flux<IntegrityRun> recent(int limit) {
        return db.flux(c -> c.query("SELECT " + COLUMNS + " FROM platform.integrity_runs ORDER BY id DESC LIMIT $1",
                this::run, limit));
    }

    private IntegrityRun run(Readable r) {
        return new IntegrityRun(r.get("id", Long.class), r.get("trigger", String.class), r.get("tenant_code", String.class),
                r.get("requested_by", String.class), r.get("status", String.class), r.get("tenants_checked", Integer.class),
                r.get("items_checked", Long.class), r.get("events_checked", Long.class), r.get("findings", Integer.class),
                r.get("error", String.class), time(r.get("started_at", OffsetDateTime.class)),
                time(r.get("finished_at", OffsetDateTime.class)), List.of());
    }

    private IntegrityFinding finding(Readable r) {
        try {
            List<FieldChange> changes = json.readValue(r.get(6, String.class), Argument.listOf(FieldChange.class));
            return new IntegrityFinding(r.get(0, String.class), IntegrityFinding.Kind.of(r.get(1, String.class)),
                    r.get(2, Long.class), r.get(3, Long.class), r.get(4, Long.class), r.get(5, String.class), changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(List<FieldChange> changes) {
        try {
            return new String(json.writeValueAsBytes(Argument.listOf(FieldChange.class), changes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(@Nullable OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
