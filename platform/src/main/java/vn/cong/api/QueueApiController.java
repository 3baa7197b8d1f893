package vn.cong.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.WorkflowCatalog;

import java.time.OffsetDateTime;
import java.util.List;

/** The items waiting for the token's account (by its roles and each item's level), soonest due first. */
@Controller(WorkflowApiController.QUEUE)
@Secured(SecurityRule.IS_ANONYMOUS)
class QueueApiController {

    private final WorkflowCatalog catalog;

    QueueApiController(WorkflowCatalog catalog) {
        this.catalog = catalog;
    }

    @Serdeable
    record QueueLine(long id, String kind, String title, String state, int version, @Nullable OffsetDateTime dueAt) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Mono<List<QueueLine>> queue(HttpRequest<?> request, Tenant tenant) {
        return catalog.waitingFor(tenant, WorkflowApiController.actor(request)).map(rows -> rows.stream().map(r -> new QueueLine(r.item().id(),
                r.item().kind(), r.item().title(), r.item().state(), r.item().version(), r.run() == null ? null : r.run().dueAt())).toList());
    }
}
