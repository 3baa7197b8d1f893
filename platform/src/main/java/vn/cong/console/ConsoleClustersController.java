package vn.cong.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.ops.backup.ClusterOverview;
import vn.cong.ops.backup.TenantMoves;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.Map;

/**
 * The database clusters in the console: where each tenant lives, registering a cluster, moving a tenant to
 * another one (started in the background; the page follows its phases and shows the outcome and how long the
 * tenant was read-only). Bad input re-shows the page with the message and what was typed.
 */
@Controller(Console.ROOT)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleClustersController {

    static final String PATH = Console.ROOT + "/cum-du-lieu";

    private final ClusterOverview overview;
    private final DatabaseClusters clusters;
    private final TenantMoves moves;
    private final TenantRegistry registry;
    private final OperatorAudit audit;
    private final ConsolePages pages;

    ConsoleClustersController(ClusterOverview overview, DatabaseClusters clusters, TenantMoves moves, TenantRegistry registry,
                              OperatorAudit audit, ConsolePages pages) {
        this.overview = overview;
        this.clusters = clusters;
        this.moves = moves;
        this.registry = registry;
        this.audit = audit;
        this.pages = pages;
    }

    @Serdeable
    record MoveForm(@Nullable String tenant, @Nullable String cluster, @Nullable String csrfToken) implements CsrfForm {
    }

    @Serdeable
    record ClusterForm(@Nullable String name, @Nullable String address, @Nullable String label, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(value = "/cum-du-lieu", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request) {
        return page(request, HttpStatus.OK, null, null, null);
    }

    @Post(value = "/cum-du-lieu/chuyen", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> move(HttpRequest<?> request, @Body MoveForm form) {
        Tenant tenant = form.tenant() == null ? null : registry.findByCode(form.tenant().strip()).orElse(null);
        if (tenant == null || form.cluster() == null || form.cluster().isBlank()) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, "Hãy chọn cổng và cụm cơ sở dữ liệu đích.", form, null);
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return moves.startInBackground(tenant, form.cluster().strip(), who)
                .map(move -> Console.seeOther(PATH + "?chuyen=" + move.id() + "#lan-chuyen"))
                .onErrorResume(IllegalArgumentException.class, e -> audit.record(who, "ops.tenant.move.start", tenant.code(),
                                OperatorAudit.Outcome.REFUSED, Map.of("to", form.cluster(), "error", e.getMessage()))
                        .then(page(request, HttpStatus.CONFLICT, e.getMessage(), form, null)));
    }

    @Post(value = "/cum-du-lieu/them", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> add(HttpRequest<?> request, @Body ClusterForm form) {
        OperatorActor who = OperatorAuthentication.actorOf(request);
        String name = form.name() == null ? "" : form.name().strip();
        return clusters.add(name, form.address(), form.label(), true)
                .flatMap(added -> audit.record(who, "ops.cluster.add", null, OperatorAudit.Outcome.OK,
                        Map.of("name", added.name(), "address", String.valueOf(form.address()))))
                .then(Mono.just(Console.seeOther(PATH + "?them=1")))
                .onErrorResume(IllegalArgumentException.class, e -> page(request, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), null, form));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, @Nullable String error,
                                                   @Nullable MoveForm typedMove, @Nullable ClusterForm typedCluster) {
        return Mono.zip(overview.clusters(), moves.recent(20)).flatMap(found -> {
            Map<String, Object> model = new HashMap<>();
            model.put("clusters", found.getT1());
            model.put("moves", found.getT2());
            model.put("tenants", overview.tenants());
            model.put("running", found.getT2().stream().anyMatch(m -> "running".equals(m.status())));
            model.put("moveTyped", typedMove == null ? new MoveForm("", "", null) : typedMove);
            model.put("clusterTyped", typedCluster == null ? new ClusterForm("", "", "", null) : typedCluster);
            model.put("added", request.getParameters().contains("them"));
            if (error != null) {
                model.put("error", error);
            }
            return pages.page(request, status, "clusters", model);
        });
    }
}
