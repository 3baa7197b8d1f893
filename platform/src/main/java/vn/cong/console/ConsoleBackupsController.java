package vn.cong.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.ops.backup.BackupHistory;
import vn.cong.ops.backup.BackupJobs;
import vn.cong.ops.backup.BackupPhase;
import vn.cong.ops.backup.BackupProgress;
import vn.cong.ops.backup.BackupRun;
import vn.cong.ops.backup.BackupScheduler;
import vn.cong.ops.backup.PgDumpCheck;
import vn.cong.ops.backup.RestoreRequest;
import vn.cong.ops.backup.RestoreRun;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Backups at the console: whether pg_dump works, every tenant's schedule and last backup, one
 * tenant's history with "back up now" and verify (both run in the background; the page refreshes
 * itself while something runs), and restore with an explicit confirmation step.
 */
@Controller(Console.ROOT + "/sao-luu")
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleBackupsController {

    private static final String REFRESH = "3";
    /** While a step shows its bytes, the page follows it every second (the bar moves without script). */
    private static final String REFRESH_PROGRESS = "1";

    private final BackupHistory history;
    private final BackupJobs jobs;
    private final BackupScheduler scheduler;
    private final PgDumpCheck pgDump;
    private final TenantRegistry registry;
    private final PlatformConfiguration config;
    private final PublicLinks links;
    private final OperatorAudit audit;
    private final ConsolePages pages;
    private final Scheduler blocking;
    private final vn.cong.workflow.RegulationProfiles profiles;
    private final BackupProgress progress;

    ConsoleBackupsController(BackupHistory history, BackupJobs jobs, BackupScheduler scheduler, PgDumpCheck pgDump, TenantRegistry registry,
                             PlatformConfiguration config, PublicLinks links, OperatorAudit audit, ConsolePages pages,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking, vn.cong.workflow.RegulationProfiles profiles,
                             BackupProgress progress) {
        this.profiles = profiles;
        this.progress = progress;
        this.history = history;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.pgDump = pgDump;
        this.registry = registry;
        this.config = config;
        this.links = links;
        this.audit = audit;
        this.pages = pages;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Serdeable
    public record RestoreForm(@Nullable String into, @Nullable String newCode, @Nullable String abbreviation, @Nullable String confirm,
                       @Nullable String csrfToken, @Nullable String name, @Nullable String nameEn) implements CsrfForm {

        RestoreRequest request() {
            return new RestoreRequest(into, newCode, abbreviation, confirm, name, nameEn);
        }
    }

    /** The schedule form: a preset ({@code twice-a-week}, {@code daily}) or {@code cron} with its expression. */
    /** The schedule choice that returns a tenant to its regulation profile's backup frequency. */
    static final String PROFILE = "profile";

    @Serdeable
    public record ScheduleForm(@Nullable String preset, @Nullable String cron, @Nullable String keepDaily, @Nullable String keepWeekly,
                               @Nullable String csrfToken) implements CsrfForm {
    }

    /** One line of a tenant's history, ready to show. */
    public record RunRow(BackupRun run, String phase, String started, String finished, String duration, String size, boolean canRestore) {

        /** Longer than any backup takes: a run still "under way" after this was cut off (its node stopped). */
        static final java.time.Duration STALE = java.time.Duration.ofHours(6);

        boolean underWay() {
            return run.phase() != null && !interrupted(run);
        }

        static boolean interrupted(BackupRun r) {
            return r.phase() != null && r.startedAt().isBefore(java.time.OffsetDateTime.now().minus(STALE));
        }

        static RunRow of(BackupRun r) {
            String phase = r.phase() == null ? "" : interrupted(r) ? "có thể đã bị gián đoạn (máy chủ chạy nó đã dừng?)" : BackupPhase.labelOf(r.phase());
            return new RunRow(r, phase, Console.time(r.startedAt()),
                    Console.time(r.finishedAt()), Console.duration(r.startedAt(), r.finishedAt()), Console.size(r.sizeBytes()),
                    r.usable() && !"failed".equals(r.verificationStatus()));
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> overview(HttpRequest<?> request) {
        return Mono.zip(pgDumpProblem(), history.overview().collectList())
                .flatMap(t -> pages.page(request, "backups", Map.of("pgDumpProblem", t.getT1(), "tenants", t.getT2())));
    }

    @Get(value = "/{code}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> tenant(HttpRequest<?> request, @PathVariable String code) {
        Optional<Tenant> tenant = registry.findByCode(code);
        if (tenant.isEmpty()) {
            return notFound(request, "Không có cổng mã «" + code + "».");
        }
        Mono<String> frequency = profiles.profile(tenant.get())
                .map(p -> vn.cong.workflow.ProfileValue.BACKUP_FREQUENCY.optionLabel(p.values().get(vn.cong.workflow.ProfileValue.BACKUP_FREQUENCY)))
                .onErrorReturn("");
        return Mono.zip(pgDumpProblem(), history.schedule(code).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        history.runs(code, 50).map(RunRow::of).collectList(), history.restores(code, 20).collectList(), frequency)
                .flatMap(t -> {
                    boolean busy = t.getT3().stream().anyMatch(RunRow::underWay)
                            || t.getT4().stream().anyMatch(RestoreRun::running);
                    Map<String, Object> model = new HashMap<>();
                    model.put("tenant", tenant.get());
                    model.put("pgDumpProblem", t.getT1());
                    model.put("schedule", t.getT2().orElse(null));
                    model.put("profileFrequency", t.getT5());
                    model.put("runs", t.getT3());
                    model.put("restores", t.getT4());
                    if (busy) {
                        model.put("refresh", REFRESH);
                    }
                    showProgress(code, model);
                    return pages.page(request, "tenant-backups", model);
                });
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> backUpNow(HttpRequest<?> request, @PathVariable String code, @Body TokenOnlyForm form) {
        Optional<Tenant> tenant = registry.findByCode(code);
        if (tenant.isEmpty()) {
            return notFound(request, "Không có cổng mã «" + code + "».");
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return jobs.backUpNow(tenant.get(), who.name())
                .flatMap(run -> audit.record(who, "ops.backup.start", code, OperatorAudit.Outcome.OK, Map.of("backup", run.id()))
                        .thenReturn(Console.seeOther(tenantPage(code) + "#ban-" + run.id())));
    }

    @Post(value = "/{code}/lich", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> schedule(HttpRequest<?> request, @PathVariable String code, @Body ScheduleForm form) {
        if (registry.findByCode(code).isEmpty()) {
            return notFound(request, "Không có cổng mã «" + code + "».");
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        String chosen = "cron".equals(form.preset()) ? (form.cron() == null ? "" : form.cron().strip()) : String.valueOf(form.preset());
        boolean profile = PROFILE.equals(chosen);
        if (!"cron".equals(form.preset()) && !profile && vn.cong.ops.backup.BackupSchedulePreset.byName(chosen).isEmpty()) {
            errors.add(new FieldError("preset", "Hãy chọn một lịch."));
        }
        int keepDaily = count(form.keepDaily(), "keepDaily", "Số ngày giữ mọi bản", errors);
        int keepWeekly = count(form.keepWeekly(), "keepWeekly", "Số tuần giữ bản mới nhất mỗi tuần", errors);
        OperatorActor who = OperatorAuthentication.actorOf(request);
        Map<String, Object> details = Map.of("schedule", chosen, "keepDaily", keepDaily, "keepWeekly", keepWeekly);
        if (!errors.isEmpty()) {
            return audit.record(who, "ops.backup.schedule", code, OperatorAudit.Outcome.REFUSED, details)
                    .then(scheduleRefused(request, code, errors));
        }
        return (profile ? scheduler.useProfile(code, keepDaily, keepWeekly)
                : scheduler.schedule(code, chosen, keepDaily, keepWeekly)) // fails on an invalid cron expression
                .then(Mono.defer(() -> audit.record(who, "ops.backup.schedule", code, OperatorAudit.Outcome.OK, details)))
                .thenReturn(Console.seeOther(tenantPage(code)))
                .onErrorResume(IllegalArgumentException.class, e -> audit.record(who, "ops.backup.schedule", code,
                                OperatorAudit.Outcome.REFUSED, details)
                        .then(scheduleRefused(request, code, List.of(new FieldError("cron", "Biểu thức cron không hợp lệ: " + e.getMessage())))));
    }

    private Mono<MutableHttpResponse<String>> scheduleRefused(HttpRequest<?> request, String code, List<FieldError> errors) {
        return pages.page(request, HttpStatus.UNPROCESSABLE_ENTITY, "not-found", Map.of("message", "Chưa đổi lịch sao lưu của cổng " + code
                + ": " + String.join("; ", errors.stream().map(FieldError::message).toList())));
    }

    private static int count(@Nullable String raw, String field, String what, List<FieldError> errors) {
        try {
            int n = Integer.parseInt(raw == null ? "" : raw.strip());
            if (n >= 1 && n <= 366) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, what + " phải là số nguyên từ 1 đến 366."));
        return 0;
    }

    @Post(value = "/{code}/{id}/kiem-chung", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> verify(HttpRequest<?> request, @PathVariable String code, @PathVariable long id,
                                             @Body TokenOnlyForm form) {
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return jobs.verifyLater(code, id)
                .flatMap(run -> audit.record(who, "ops.backup.verify", code, OperatorAudit.Outcome.OK, Map.of("backup", id))
                        .thenReturn(Console.seeOther(tenantPage(code) + "#ban-" + id)))
                .switchIfEmpty(Mono.defer(() -> audit.record(who, "ops.backup.verify", code, OperatorAudit.Outcome.REFUSED, Map.of("backup", id))
                        .then(pages.page(request, HttpStatus.CONFLICT, "not-found", Map.of("message", "Bản sao lưu #" + id
                                + " của cổng " + code + " không kiểm chứng được lúc này (không có, chưa xong, thất bại, đã xoá hoặc đang kiểm chứng).")))));
    }

    @Get(value = "/{code}/{id}/khoi-phuc", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> confirmRestore(HttpRequest<?> request, @PathVariable String code, @PathVariable long id) {
        return restorePage(request, HttpStatus.OK, code, id, new RestoreForm("same", "", "", "", null, "", ""), List.of());
    }

    @Post(value = "/{code}/{id}/khoi-phuc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> restore(HttpRequest<?> request, @PathVariable String code, @PathVariable long id,
                                              @Body RestoreForm form) {
        Optional<Tenant> tenant = registry.findByCode(code);
        if (tenant.isEmpty()) {
            return notFound(request, "Không có cổng mã «" + code + "».");
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        RestoreRequest restore = form.request();
        Map<String, Object> details = Map.of("backup", id, "into", String.valueOf(restore.into()), "target", restore.targetCode(code));
        return jobs.restore(tenant.get(), id, restore, who.name()).flatMap(started -> started.run() == null
                ? audit.record(who, "ops.backup.restore", code, OperatorAudit.Outcome.REFUSED, details)
                        .then(restorePage(request, HttpStatus.UNPROCESSABLE_ENTITY, code, id, form, started.errors()))
                : audit.record(who, "ops.backup.restore", code, OperatorAudit.Outcome.OK, details)
                        .thenReturn(Console.seeOther(tenantPage(code) + "/khoi-phuc/" + started.run().id())));
    }

    @Get(value = "/{code}/khoi-phuc/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> restoreRun(HttpRequest<?> request, @PathVariable String code, @PathVariable long id) {
        return history.restore(code, id).flatMap(run -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("restore", run);
                    model.put("started", Console.time(run.startedAt()));
                    model.put("finished", Console.time(run.finishedAt()));
                    model.put("duration", Console.duration(run.startedAt(), run.finishedAt()));
                    if (run.running()) {
                        model.put("refresh", REFRESH);
                        showProgress(run.tenantCode(), model);
                    }
                    if ("new".equals(run.mode()) && run.abbreviation() != null) {
                        registry.findByCode(run.targetCode()).ifPresent(restored -> model.put("portalUrl", links.tenant(restored, "")));
                    }
                    return pages.page(request, "restore", model);
                })
                .switchIfEmpty(Mono.defer(() -> notFound(request, "Không có lần khôi phục #" + id + " của cổng «" + code + "».")));
    }

    private Mono<MutableHttpResponse<String>> restorePage(HttpRequest<?> request, HttpStatus status, String code, long id,
                                                          RestoreForm form, List<FieldError> errors) {
        return history.find(code, id).flatMap(run -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("tenant", registry.findByCode(code).orElse(null));
                    model.put("row", RunRow.of(run));
                    model.put("form", form);
                    model.put("errors", errors);
                    model.put("errorFields", errors.stream().map(FieldError::field).toList());
                    return pages.page(request, status, "restore-confirm", model);
                })
                .switchIfEmpty(Mono.defer(() -> notFound(request, "Không có bản sao lưu #" + id + " của cổng «" + code + "».")));
    }

    /** The step of the tenant's backup work under way on this node, with its bytes, and a faster refresh to follow it. */
    private void showProgress(String code, Map<String, Object> model) {
        progress.of(code).ifPresent(stage -> {
            model.put("progress", stage);
            model.put("refresh", REFRESH_PROGRESS);
        });
    }

    /** Run afresh on each view: a pg_dump removed or upgraded since start-up shows at once. "" when it works. */
    private Mono<String> pgDumpProblem() {
        return Mono.fromCallable(() -> pgDump.check().orElse("")).subscribeOn(blocking);
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request, String message) {
        return pages.page(request, HttpStatus.NOT_FOUND, "not-found", Map.of("message", message));
    }

    private static String tenantPage(String code) {
        return Console.ROOT + "/sao-luu/" + code;
    }
}
