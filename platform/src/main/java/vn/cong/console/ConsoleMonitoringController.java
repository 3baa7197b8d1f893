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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.ops.uptime.UptimeOverview;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.Map;

/** Uptime, integrity and the audit log at the console: the pages that watch rather than change. */
@Controller(Console.ROOT)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleMonitoringController {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMonitoringController.class);
    private static final int AUDIT_ROWS = 200;

    private final UptimeOverview uptime;
    private final IntegrityCheck integrity;
    private final OperatorAudit audit;
    private final TenantRegistry registry;
    private final ConsolePages pages;

    ConsoleMonitoringController(UptimeOverview uptime, IntegrityCheck integrity, OperatorAudit audit, TenantRegistry registry,
                                ConsolePages pages) {
        this.uptime = uptime;
        this.integrity = integrity;
        this.audit = audit;
        this.registry = registry;
        this.pages = pages;
    }

    @Serdeable
    record IntegrityForm(@Nullable String tenant, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(value = "/giam-sat", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> uptime(HttpRequest<?> request) {
        return uptime.overview().flatMap(o -> pages.page(request, "uptime", Map.of("overview", o)));
    }

    @Get(value = "/toan-ven", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> integrity(HttpRequest<?> request) {
        return integrityPage(request, HttpStatus.OK, null);
    }

    @Get(value = "/toan-ven/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> integrityRun(HttpRequest<?> request, @PathVariable long id) {
        return integrity.find(id).flatMap(run -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("run", run);
                    if ("running".equals(run.status())) {
                        model.put("refresh", "3");
                    }
                    return pages.page(request, "integrity-run", model);
                })
                .switchIfEmpty(Mono.defer(() -> pages.page(request, HttpStatus.NOT_FOUND, "not-found",
                        Map.of("message", "Không có lần kiểm tra toàn vẹn #" + id + "."))));
    }

    /** Starts a check (every tenant, or one) in the background and shows its page, which refreshes until it is done. */
    @Post(value = "/toan-ven", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> runIntegrity(HttpRequest<?> request, @Body IntegrityForm form) {
        String code = form.tenant() == null || form.tenant().isBlank() ? null : form.tenant().strip();
        if (code != null && registry.findByCode(code).isEmpty()) {
            return integrityPage(request, HttpStatus.UNPROCESSABLE_ENTITY, "Không có cổng mã «" + code + "».");
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return integrity.start(IntegrityCheck.Trigger.OPERATOR, code, who.name())
                .flatMap(run -> audit.record(who, "ops.integrity.run", code, OperatorAudit.Outcome.OK, Map.of("run", run.id())).thenReturn(run))
                .map(run -> {
                    integrity.execute(run).subscribe(null, e -> LOG.error("ALERT integrity run {} failed", run.id(), e));
                    return Console.seeOther(Console.ROOT + "/toan-ven/" + run.id());
                });
    }

    @Get(value = "/nhat-ky", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> auditLog(HttpRequest<?> request, @Nullable @QueryValue String cong, @Nullable @QueryValue("hanh-dong") String action) {
        return Mono.zip(audit.recent(cong, action, AUDIT_ROWS).collectList(), audit.actions().collectList())
                .flatMap(t -> pages.page(request, "audit", Map.of("entries", t.getT1(), "actions", t.getT2(),
                        "tenants", registry.all(), "cong", cong == null ? "" : cong, "action", action == null ? "" : action)));
    }

    private Mono<MutableHttpResponse<String>> integrityPage(HttpRequest<?> request, HttpStatus status, @Nullable String error) {
        return integrity.recent(50).collectList().flatMap(runs -> {
            Map<String, Object> model = new HashMap<>();
            model.put("runs", runs);
            model.put("tenants", registry.all());
            if (error != null) {
                model.put("error", error);
            }
            return pages.page(request, status, "integrity", model);
        });
    }
}
