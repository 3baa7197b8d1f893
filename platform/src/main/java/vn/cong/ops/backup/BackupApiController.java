package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ApiErrors;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Backups over the operator API: a tenant's schedule and history, "back up now", verify, restore.
 * Long work answers 202 with the run to poll (its {@code Location}). Every action is audit-logged.
 * {@code OperatorApiFilter} has already checked the host and the operator's credentials.
 */
@Controller("/api/v1/tenants/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
class BackupApiController {

    private final BackupJobs jobs;
    private final BackupHistory history;
    private final PgDumpCheck pgDump;
    private final TenantRegistry registry;
    private final OperatorAudit audit;
    private final JsonMapper json;

    BackupApiController(BackupJobs jobs, BackupHistory history, PgDumpCheck pgDump, TenantRegistry registry, OperatorAudit audit,
                        JsonMapper json) {
        this.jobs = jobs;
        this.history = history;
        this.pgDump = pgDump;
        this.registry = registry;
        this.audit = audit;
        this.json = json;
    }

    /** The list answer: whether pg_dump works, the schedule, the newest runs and restores. */
    @Serdeable
    record Backups(String tenant, @Nullable String pgDumpProblem, @Nullable BackupHistory.Schedule schedule,
                   List<BackupRun> runs, List<RestoreRun> restores) {
    }

    @Get(uri = "/backups", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> list(@PathVariable String code) {
        if (registry.findByCode(code).isEmpty()) {
            return Mono.just(unknownTenant(code));
        }
        return Mono.zip(history.schedule(code).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        history.runs(code, 50).collectList(), history.restores(code, 20).collectList())
                .map(t -> HttpResponse.ok(new Backups(code, pgDump.problem().orElse(null), t.getT1().orElse(null), t.getT2(), t.getT3())));
    }

    @Post(uri = "/backups", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> backUpNow(HttpRequest<?> request, @PathVariable String code) {
        Tenant tenant = registry.findByCode(code).orElse(null);
        OperatorActor who = OperatorAuthentication.actorOf(request);
        if (tenant == null) {
            return Mono.just(unknownTenant(code));
        }
        return jobs.backUpNow(tenant, who.name())
                .<HttpResponse<?>>flatMap(run -> audit.record(who, "ops.backup.start", code, OperatorAudit.Outcome.OK, Map.of("backup", run.id()))
                        .thenReturn(accepted(run, "/api/v1/tenants/" + code + "/backups/" + run.id())));
    }

    @Get(uri = "/backups/{id}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> show(@PathVariable String code, @PathVariable long id) {
        return history.find(code, id).<HttpResponse<?>>map(HttpResponse::ok).defaultIfEmpty(unknownBackup(code, id));
    }

    @Post(uri = "/backups/{id}/verify", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> verify(HttpRequest<?> request, @PathVariable String code, @PathVariable long id) {
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return jobs.verifyLater(code, id)
                .<HttpResponse<?>>flatMap(run -> audit.record(who, "ops.backup.verify", code, OperatorAudit.Outcome.OK, Map.of("backup", id))
                        .thenReturn(accepted(run, "/api/v1/tenants/" + code + "/backups/" + id)))
                .switchIfEmpty(Mono.defer(() -> audit.record(who, "ops.backup.verify", code, OperatorAudit.Outcome.REFUSED,
                                Map.of("backup", id))
                        .<HttpResponse<?>>thenReturn(conflict(ApiErrors.of("backup", "bản sao lưu #" + id + " của cổng " + code
                                + " không kiểm chứng được lúc này (không có, chưa xong, thất bại, đã xoá hoặc đang kiểm chứng)")))));
    }

    /**
     * Body: {@code {"into": "same" | "new", "newCode": "…", "abbreviation": "…", "name": "…", "nameEn": "…",
     * "confirm": "<code being written>"}}; {@code newCode}, {@code abbreviation} and {@code name} only for {@code new}.
     */
    @Post(uri = "/backups/{id}/restore", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> restore(HttpRequest<?> request, @PathVariable String code, @PathVariable long id, @Body @Nullable String body) {
        Tenant tenant = registry.findByCode(code).orElse(null);
        OperatorActor who = OperatorAuthentication.actorOf(request);
        if (tenant == null) {
            return Mono.just(unknownTenant(code));
        }
        Map<String, Object> fields = readObject(body);
        RestoreRequest restore = new RestoreRequest(text(fields, "into"), text(fields, "newCode"), text(fields, "abbreviation"),
                text(fields, "confirm"), text(fields, "name"), text(fields, "nameEn"));
        return jobs.restore(tenant, id, restore, who.name()).<HttpResponse<?>>flatMap(started -> {
            Map<String, Object> details = Map.of("backup", id, "into", String.valueOf(restore.into()),
                    "target", restore.targetCode(code));
            if (started.run() == null) {
                return audit.record(who, "ops.backup.restore", code, OperatorAudit.Outcome.REFUSED, details)
                        .<HttpResponse<?>>thenReturn(HttpResponse.unprocessableEntity().body(new ApiErrors(started.errors())));
            }
            return audit.record(who, "ops.backup.restore", code, OperatorAudit.Outcome.OK, details)
                    .thenReturn(accepted(started.run(), "/api/v1/tenants/" + code + "/restores/" + started.run().id()));
        });
    }

    @Get(uri = "/restores/{id}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> restoreRun(@PathVariable String code, @PathVariable long id) {
        return history.restore(code, id).<HttpResponse<?>>map(HttpResponse::ok)
                .defaultIfEmpty(HttpResponse.notFound(ApiErrors.of("id", "không có lần khôi phục #" + id + " của cổng «" + code + "»")));
    }

    private static HttpResponse<?> conflict(ApiErrors errors) {
        return HttpResponse.status(HttpStatus.CONFLICT).body(errors);
    }

    private static HttpResponse<?> accepted(Object run, String location) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(run).header("Location", location);
    }

    private static HttpResponse<?> unknownTenant(String code) {
        return HttpResponse.notFound(ApiErrors.of("code", "không có cổng mã «" + code + "»"));
    }

    private static HttpResponse<?> unknownBackup(String code, long id) {
        return HttpResponse.notFound(ApiErrors.of("id", "không có bản sao lưu #" + id + " của cổng «" + code + "»"));
    }

    private Map<String, Object> readObject(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = json.readValue(body, Argument.mapOf(String.class, Object.class));
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    @Nullable
    private static String text(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        return v == null ? null : v.toString();
    }
}
