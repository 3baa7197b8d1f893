package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
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
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ApiErrors;
import vn.cong.web.JsonObjects;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The operator API for database clusters ({@code OperatorApiFilter} has checked host and credentials): list and
 * register clusters, move a tenant to another one (started at once, 202 with the move to follow), follow a move.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
class ClusterApiController {

    private final DatabaseClusters clusters;
    private final ClusterOverview overview;
    private final TenantMoves moves;
    private final TenantRegistry registry;
    private final OperatorAudit audit;
    private final JsonMapper json;

    ClusterApiController(DatabaseClusters clusters, ClusterOverview overview, TenantMoves moves, TenantRegistry registry,
                         OperatorAudit audit, JsonMapper json) {
        this.clusters = clusters;
        this.overview = overview;
        this.moves = moves;
        this.registry = registry;
        this.audit = audit;
        this.json = json;
    }

    @Get(uri = "/clusters", produces = MediaType.APPLICATION_JSON)
    Mono<List<ClusterOverview.ClusterView>> list() {
        return overview.clusters();
    }

    /** Body: {@code {"name": "c2", "address": "cong@10.0.0.12:5432/cong_c2", "label": "…", "acceptsNew": true}}. */
    @Post(uri = "/clusters", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> add(HttpRequest<?> request, @Body @Nullable String body) {
        Map<String, Object> fields = JsonObjects.read(json, body);
        if (fields == null) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of("Nội dung phải là một đối tượng JSON.")));
        }
        String name = text(fields.get("name"));
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return clusters.add(name, text(fields.get("address")), text(fields.get("label")), !Boolean.FALSE.equals(fields.get("acceptsNew")))
                .flatMap(added -> audit.record(who, "ops.cluster.add", null, OperatorAudit.Outcome.OK,
                                Map.of("name", added.name(), "address", String.valueOf(fields.get("address"))))
                        .thenReturn(HttpResponse.created(ClusterOverview.ClusterView.of(added, 0, clusters), URI.create("/api/v1/clusters"))))
                .<HttpResponse<?>>map(r -> r)
                .onErrorResume(IllegalArgumentException.class, e -> audit.record(who, "ops.cluster.add", null, OperatorAudit.Outcome.REFUSED,
                                Map.of("name", String.valueOf(name), "error", e.getMessage()))
                        .thenReturn(HttpResponse.unprocessableEntity().body(ApiErrors.of(e.getMessage()))));
    }

    /** Body: {@code {"cluster": "c2"}}. 202 with the move (status running); follow it at {@code /api/v1/clusters/moves/{id}}. */
    @Post(uri = "/tenants/{code}/move", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> move(HttpRequest<?> request, @PathVariable String code, @Body @Nullable String body) {
        Map<String, Object> fields = JsonObjects.read(json, body);
        String target = fields == null ? null : text(fields.get("cluster"));
        if (target == null || target.isBlank()) {
            return Mono.just(HttpResponse.unprocessableEntity().body(ApiErrors.of("cluster", "Hãy chọn cụm cơ sở dữ liệu đích.")));
        }
        var tenant = registry.findByCode(code).orElse(null);
        if (tenant == null) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("Không có cổng mã «" + code + "».")));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return moves.startInBackground(tenant, target.strip(), who)
                .<HttpResponse<?>>map(move -> HttpResponse.accepted().body(move).header("Location", "/api/v1/clusters/moves/" + move.id()))
                .onErrorResume(IllegalArgumentException.class, e -> audit.record(who, "ops.tenant.move.start", code, OperatorAudit.Outcome.REFUSED,
                                Map.of("to", target, "error", e.getMessage()))
                        .thenReturn(HttpResponse.status(HttpStatus.CONFLICT).body(ApiErrors.of("cluster", e.getMessage()))));
    }

    @Get(uri = "/clusters/moves", produces = MediaType.APPLICATION_JSON)
    Mono<List<TenantMoves.Move>> recentMoves() {
        return moves.recent(50);
    }

    @Get(uri = "/clusters/moves/{id}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> showMove(@PathVariable long id) {
        return moves.find(id).<HttpResponse<?>>map(HttpResponse::ok)
                .defaultIfEmpty(HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("Không có lần chuyển số " + id + ".")));
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
