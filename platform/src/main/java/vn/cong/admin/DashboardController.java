package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;
import vn.cong.workflow.WorkflowCatalog;

import java.util.Map;
import java.time.Clock;

/** The staff home page: who is logged in, with which roles, and where to go from here. */
@Controller("/quan-tri")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class DashboardController {

    private final AdminPages pages;
    private final WorkflowCatalog workflow;
    private final Clock clock;

    DashboardController(AdminPages pages, WorkflowCatalog workflow, Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.workflow = workflow;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> dashboard(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return workflow.waitingFor(tenant, new Actor(me.id(), me.displayName(), me.roles()))
                .flatMap(waiting -> pages.page(request, "dashboard", Map.of("me", me, "waiting", waiting.size(),
                        "overdue", waiting.stream().filter(r -> r.run() != null && r.run().dueAt() != null
                                && r.run().dueAt().toInstant().isBefore(clock.instant())).count())));
    }
}
