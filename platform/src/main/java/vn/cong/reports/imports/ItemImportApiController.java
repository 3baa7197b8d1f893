package vn.cong.reports.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ApiErrors;

import java.util.Map;

/**
 * The operator API's import of history, on the operator host (HTTP Basic, {@code OperatorApiFilter}):
 * {@code POST /api/v1/tenants/{code}/items/import} with the file as the body ({@code text/csv}, or JSON lines as
 * {@code application/x-ndjson} or {@code text/plain}). 200 with {@link ImportResult}; 422 with every row error
 * (nothing written); 404 without such a tenant.
 */
@Controller("/api/v1/tenants/{code}/items/import")
@Secured(SecurityRule.IS_ANONYMOUS)
class ItemImportApiController {

    private final TenantRegistry registry;
    private final ItemImport imports;
    private final OperatorAudit audit;

    ItemImportApiController(TenantRegistry registry, ItemImport imports, OperatorAudit audit) {
        this.registry = registry;
        this.imports = imports;
        this.audit = audit;
    }

    @Post(consumes = {"text/csv", "application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> importItems(HttpRequest<?> request, @PathVariable String code, @Body @Nullable byte[] body) {
        Tenant tenant = registry.findByCode(code).filter(Tenant::isServing).orElse(null);
        if (tenant == null) {
            return Mono.just(HttpResponse.notFound(ApiErrors.of("code", "không có cổng mã «" + code + "»")));
        }
        var text = ItemImport.text(body == null ? new byte[0] : body);
        if (text.isEmpty()) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of("Tệp phải là văn bản UTF-8 (CSV hoặc JSON lines).")));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return imports.importItems(tenant, text.get(), "api")
                .flatMap(result -> audit.record(who, "ops.tenant.items-import", code,
                                result.ok() ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED,
                                Map.of("rows", result.rows(), "imported", result.imported(), "errors", result.errors().size()))
                        .thenReturn(result.ok() ? HttpResponse.ok(result) : HttpResponse.unprocessableEntity().body(result)));
    }
}
