package vn.cong.reports.imports.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ApiErrors;

import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * The operator API's twin of the console's WordPress import, on the operator host (HTTP Basic,
 * {@code OperatorApiFilter}): {@code POST /api/v1/tenants/{code}/wordpress/import?dry-run=true&slug-map=gioi-thieu-so=introduction,…}
 * with the export file as the body ({@code application/xml}, {@code text/xml} or {@code application/octet-stream}).
 * 200 with {@link WordPressReport}; 422 when the file is refused (its line in the report, nothing written); 404
 * without such a tenant.
 */
@Controller("/api/v1/tenants/{code}/wordpress/import")
@Secured(SecurityRule.IS_ANONYMOUS)
class WordPressImportApiController {

    private final TenantRegistry registry;
    private final WordPressImport imports;
    private final OperatorAudit audit;

    WordPressImportApiController(TenantRegistry registry, WordPressImport imports, OperatorAudit audit) {
        this.registry = registry;
        this.imports = imports;
        this.audit = audit;
    }

    @Post(consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM}, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> importSite(HttpRequest<?> request, @PathVariable String code, @QueryValue("dry-run") @Nullable Boolean dryRun,
                                     @QueryValue("slug-map") @Nullable String slugMap, @Body @Nullable byte[] body) {
        Tenant tenant = registry.findByCode(code).filter(Tenant::isServing).orElse(null);
        if (tenant == null) {
            return Mono.just(HttpResponse.notFound(ApiErrors.of("code", "không có cổng mã «" + code + "»")));
        }
        byte[] bytes = body == null ? new byte[0] : body;
        boolean dry = Boolean.TRUE.equals(dryRun);
        OperatorActor who = OperatorAuthentication.actorOf(request);
        String lines = slugMap == null ? "" : slugMap.replace(',', '\n');
        return imports.run(tenant, () -> new ByteArrayInputStream(bytes), new WordPressImport.Options(dry, lines, "api"), WordPressImport.Progress.NONE)
                .flatMap(report -> (dry ? Mono.<Void>empty() : audit.record(who, "ops.tenant.wordpress-import", code,
                                report.refused() ? OperatorAudit.Outcome.REFUSED : OperatorAudit.Outcome.OK,
                                Map.of("site", report.site(), "posts", report.counts().posts(), "pages", report.counts().pages(),
                                        "media", report.counts().media(), "redirects", report.counts().redirects())))
                        .thenReturn(report.refused() ? HttpResponse.unprocessableEntity().body(report) : HttpResponse.ok(report)));
    }
}
