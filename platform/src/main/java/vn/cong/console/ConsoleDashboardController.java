package vn.cong.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.ops.backup.BackupHistory;
import vn.cong.ops.backup.PgDumpCheck;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.ops.integrity.IntegrityRun;
import vn.cong.ops.maintenance.MaintenanceWindows;
import vn.cong.ops.uptime.UptimeOverview;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.time.Clock;

/**
 * The console's first page: what needs the operator now. Open incidents, tenants whose latest backup
 * failed, was not proven restorable or does not exist, whether pg_dump works, the latest integrity
 * check, maintenance under way or coming, and the holiday calendar's gaps.
 */
@Controller(Console.ROOT)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleDashboardController {

    private final UptimeOverview uptime;
    private final BackupHistory backups;
    private final PgDumpCheck pgDump;
    private final IntegrityCheck integrity;
    private final MaintenanceWindows maintenance;
    private final ConsolePages pages;
    private final Scheduler blocking;
    private final Clock clock;
    private final vn.cong.workflow.ItemDeadlines deadlines;

    ConsoleDashboardController(UptimeOverview uptime, BackupHistory backups, PgDumpCheck pgDump, IntegrityCheck integrity,
                               MaintenanceWindows maintenance, ConsolePages pages,
                               @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock,
                               vn.cong.workflow.ItemDeadlines deadlines) {
        this.clock = clock;
        this.deadlines = deadlines;
        this.uptime = uptime;
        this.backups = backups;
        this.pgDump = pgDump;
        this.integrity = integrity;
        this.maintenance = maintenance;
        this.pages = pages;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> dashboard(HttpRequest<?> request) {
        Mono<List<BackupHistory.TenantSummary>> unproven = backups.overview()
                .filter(t -> t.last() == null || !"succeeded".equals(t.last().status()) && t.last().phase() == null
                        || "failed".equals(t.last().verificationStatus()))
                .collectList();
        Mono<List<IntegrityRun>> lastCheck = integrity.recent(1).collectList();
        return Mono.zip(uptime.overview(), unproven, Mono.fromCallable(() -> pgDump.check().orElse("")).subscribeOn(blocking),
                        lastCheck, maintenance.endingAfter(clock.instant()).count())
                .flatMap(t -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("openIncidents", t.getT1().open());
                    model.put("unproven", t.getT2());
                    model.put("pgDumpProblem", t.getT3());
                    model.put("lastCheck", t.getT4().isEmpty() ? null : t.getT4().get(0));
                    model.put("maintenanceCount", t.getT5());
                    // the holiday calendar: a year without holidays starting within 60 days, provisional entries
                    model.put("calendarWarnings", vn.cong.workflow.deadline.CalendarWarnings.on(deadlines.calendar(),
                            java.time.LocalDate.ofInstant(clock.instant(), deadlines.calendar().zone())));
                    return pages.page(request, "dashboard", model);
                });
    }
}
