package vn.cong.ops.integrity;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ApiErrors;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The integrity check on the operator host: start one (all tenants, or {@code {"tenant": "code"}}),
 * list recent runs, read one run with its findings. A run answers 202 at once and goes on in the
 * background; {@code ?wait=true} answers when it is done instead. {@code OperatorApiFilter} has
 * already checked the host and the operator's credentials.
 */
@Controller("/api/v1/integrity")
@Secured(SecurityRule.IS_ANONYMOUS)
class IntegrityController {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityController.class);

    private final IntegrityCheck check;
    private final IntegrityRuns runs;
    private final TenantRegistry registry;
    private final JsonMapper json;
    private final OperatorAudit audit;

    IntegrityController(IntegrityCheck check, IntegrityRuns runs, TenantRegistry registry, JsonMapper json, OperatorAudit audit) {
        this.check = check;
        this.runs = runs;
        this.registry = registry;
        this.json = json;
        this.audit = audit;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.ALL}, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> start(HttpRequest<?> request, @Body @Nullable String body, @QueryValue(defaultValue = "false") boolean wait) {
        Map<String, Object> options;
        try {
            options = body == null || body.isBlank() ? Map.of() : json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of("Nội dung phải là một đối tượng JSON, ví dụ {\"tenant\": \"alpha\"}.")));
        }
        Object tenant = options == null ? null : options.get("tenant");
        String code = tenant == null || tenant.toString().isBlank() ? null : tenant.toString().strip();
        if (code != null && registry.findByCode(code).isEmpty()) {
            return Mono.just(HttpResponse.unprocessableEntity().body(ApiErrors.of("tenant", "không có cổng mã «" + code + "»")));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return check.start(IntegrityCheck.Trigger.OPERATOR, code, who.name())
                .flatMap(run -> audit.record(who, "ops.integrity.run", code, OperatorAudit.Outcome.OK, Map.of("run", run.id())).thenReturn(run))
                .flatMap(run -> {
            URI location = URI.create("/api/v1/integrity/runs/" + run.id());
            if (wait) {
                return check.execute(run).<HttpResponse<?>>map(done -> HttpResponse.ok(done).header("Location", location.toString()));
            }
            check.execute(run).subscribe(null, e -> LOG.error("ALERT integrity run {} failed", run.id(), e));
            return Mono.just(HttpResponse.status(HttpStatus.ACCEPTED).body(run).header("Location", location.toString()));
        });
    }

    @Get(uri = "/runs", produces = MediaType.APPLICATION_JSON)
    Flux<IntegrityRun> recent() {
        return runs.recent(50);
    }

    @Get(uri = "/runs/{id}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> show(@PathVariable long id) {
        return runs.find(id).<HttpResponse<?>>map(HttpResponse::ok)
                .defaultIfEmpty(HttpResponse.notFound(ApiErrors.of("id", "không có lần kiểm tra mã " + id)));
    }
}
