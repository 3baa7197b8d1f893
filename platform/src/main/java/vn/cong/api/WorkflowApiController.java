package vn.cong.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.ContentNotFound;
import vn.cong.content.classification.Classification;
import vn.cong.content.classification.ClassificationRejected;
import vn.cong.content.classification.Classifications;
import vn.cong.content.Draft;
import vn.cong.content.DraftRejected;
import vn.cong.content.Publishing;
import vn.cong.content.Slugs;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.web.ApiErrors;
import vn.cong.workflow.Actor;
import vn.cong.workflow.EventActions;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.Submission;
import vn.cong.workflow.SubmissionRejected;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.WorkflowCatalog;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;
import vn.cong.workflow.WorkflowSteps;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The workflow as JSON on a tenant's hosts, for document-management systems that push items in:
 * the same use cases, guards and optimistic lock as the staff UI, acting as the Bearer token's
 * account ({@link ApiTokenFilter}).
 */
@Controller(WorkflowApiController.BASE)
@Secured(SecurityRule.IS_ANONYMOUS)
class WorkflowApiController {

    static final String BASE = "/api/v1/items";
    static final String QUEUE = "/api/v1/queue";

    private final WorkflowCatalog catalog;
    private final Publishing publishing;
    private final AccountAdministration accounts;
    private final SubmitItem submit;
    private final WorkflowSteps steps;
    private final Classifications classifications;

    WorkflowApiController(WorkflowCatalog catalog, Publishing publishing, AccountAdministration accounts, SubmitItem submit,
                          WorkflowSteps steps, Classifications classifications) {
        this.classifications = classifications;
        this.catalog = catalog;
        this.publishing = publishing;
        this.accounts = accounts;
        this.submit = submit;
        this.steps = steps;
    }

    @Serdeable
    record State(long id, int version, String state, String stateLabel) {
        static State of(Outcome o) {
            return new State(o.itemId(), o.version(), o.state(), ItemState.labelOf(o.state()));
        }
    }

    @Serdeable
    record Event(long seq, OffsetDateTime at, @Nullable String actor, String action, @Nullable String from, String to,
                 @Nullable Integer level, @Nullable String comment, @Nullable String reason) {
    }

    /** One deadline of an item: what it is for and when it falls (Vietnam time). */
    @Serdeable
    record Deadline(String label, OffsetDateTime due) {
    }

    /**
     * {@code dueAt}: the deadline the board tracks; {@code deadlines}: every deadline of the item, that one included;
     * {@code infoType}: the information type given on submission (null: the kind decided).
     */
    @Serdeable
    record Item(long id, String kind, String title, String state, String stateLabel, int version, @Nullable Integer level,
                @Nullable String sensitivity, @Nullable String infoType, @Nullable OffsetDateTime dueAt, List<Deadline> deadlines,
                List<Event> history) {
    }

    static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(ApiTokenFilter.ACTOR, Actor.class).orElseThrow();
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> item(Tenant tenant, long id) {
        return catalog.item(tenant, id).<HttpResponse<?>>map(found -> found.<HttpResponse<?>>map(d -> HttpResponse.ok(new Item(
                        d.item().id(), d.item().kind(), d.item().title(), d.item().state(), d.item().stateLabel(), d.item().version(),
                        d.run() == null ? null : d.run().currentLevel(), d.run() == null ? null : d.run().sensitivity().db(),
                        d.run() == null || d.run().infoType() == null ? null : d.run().infoType().code(), d.run() == null ? null : d.run().dueAt(),
                        d.deadlines().stream().map(x -> new Deadline(x.label(), x.due().toOffsetDateTime())).toList(),
                        d.history().stream().map(e -> new Event(e.seq(), e.at(), e.actor(), EventActions.label(e.action()), e.from(), e.to(),
                                e.level(), e.comment(), e.reasonCode())).toList())))
                .orElseGet(WorkflowApiController::notFound));
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> create(HttpRequest<?> request, Tenant tenant, @Body ApiRequests.NewItem body) {
        Actor a = actor(request);
        String title = body.title() == null ? "" : body.title();
        Draft draft = new Draft(null, 0, body.kind() == null ? "article" : body.kind(), body.sectionId(),
                body.language() == null ? "vi" : body.language(), body.slug() == null || body.slug().isBlank() ? Slugs.fromTitle(title) : body.slug(),
                title, body.summary() == null ? "" : body.summary(), body.body() == null ? "" : body.body(), null, null, body.source(), false, a.id());
        return publishing.saveDraft(tenant, draft)
                .<HttpResponse<?>>map(saved -> HttpResponse.created(new State(saved.id(), saved.version(), saved.state(),
                        ItemState.labelOf(saved.state()))))
                .onErrorResume(e -> Mono.just(failure(e)));
    }

    @Post(value = "/{id}/submit", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> submit(HttpRequest<?> request, Tenant tenant, long id, @Body ApiRequests.Submit body) {
        Actor a = actor(request);
        return accounts.find(tenant, a.id()).flatMap(me -> submit.submit(tenant, id, body.version(), a, new Submission(
                        or(body.unit(), me.unit()), or(body.name(), me.fullName().isBlank() ? me.username() : me.fullName()),
                        or(body.title(), me.jobTitle()), or(body.email(), me.email()), or(body.phone(), me.phone()), body.sensitivity(),
                        body.eventAt(), body.highlighted(), body.source() != null && !body.source().isBlank(), body.source(), body.note(),
                        body.infoType(), body.opensAt(), body.notSecret(), body.portalAmongRecipients())))
                .<HttpResponse<?>>map(o -> HttpResponse.ok(State.of(o)))
                .onErrorResume(e -> Mono.just(failure(e)));
    }

    @Post(value = "/{id}/steps/{step}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> step(HttpRequest<?> request, Tenant tenant, long id, String step, @Body ApiRequests.Step body) {
        var named = WorkflowSteps.Step.byApi(step);
        if (named.isEmpty()) {
            return Mono.just(HttpResponse.notFound(ApiErrors.of("step", "Không có bước «" + step + "».")));
        }
        Mono<Outcome> action = steps.run(named.get(), tenant, id, body.version(), actor(request),
                new WorkflowSteps.Input(body.comment(), body.reason(), body.text(), body.publishAt()));
        return action.<HttpResponse<?>>map(o -> HttpResponse.ok(State.of(o))).onErrorResume(e -> Mono.just(failure(e)));
    }

    /** The item's classification for the contribution report: {@code {"origin", "topicId", "genre"}} (each may be null). */
    @Get(value = "/{id}/classification", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> classification(Tenant tenant, long id) {
        return classifications.of(tenant, id).<HttpResponse<?>>map(HttpResponse::ok).onErrorResume(e -> Mono.just(failure(e)));
    }

    /** Replaces the classification (board roles and the tenant admin); 422 for an unknown code or topic. */
    @Post(value = "/{id}/classification", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> classify(HttpRequest<?> request, Tenant tenant, long id, @Body Classification body) {
        Actor a = actor(request);
        if (!a.hasAny(Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD, Role.TENANT_ADMIN)) {
            return Mono.just(HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiErrors.of("Chỉ ban biên tập và quản trị cổng được phân loại tin bài.")));
        }
        return classifications.set(tenant, id, a.id(), body).<HttpResponse<?>>map(HttpResponse::ok)
                .onErrorResume(e -> Mono.just(failure(e)));
    }

    private static HttpResponse<?> failure(Throwable e) {
        if (e instanceof WorkflowRefused) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiErrors.of(e.getMessage()));
        }
        if (e instanceof WorkflowConflict c) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("errors", List.of(new FieldError("version", c.getMessage())),
                    "currentVersion", c.currentVersion()));
        }
        if (e instanceof SubmissionRejected r) {
            return HttpResponse.unprocessableEntity().body(new ApiErrors(r.problems().entrySet().stream()
                    .map(p -> new FieldError(p.getKey(), p.getValue())).toList()));
        }
        if (e instanceof DraftRejected r) {
            return HttpResponse.unprocessableEntity().body(new ApiErrors(r.problems().entrySet().stream()
                    .map(p -> new FieldError(p.getKey(), p.getValue())).toList()));
        }
        if (e instanceof ClassificationRejected r) {
            return HttpResponse.unprocessableEntity().body(new ApiErrors(r.problems().entrySet().stream()
                    .map(p -> new FieldError(p.getKey(), p.getValue())).toList()));
        }
        if (e instanceof ContentNotFound) {
            return notFound();
        }
        throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.notFound(ApiErrors.of("Tin bài không tồn tại trong cổng này."));
    }

    private static String or(@Nullable String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }
}
