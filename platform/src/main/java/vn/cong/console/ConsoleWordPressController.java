package vn.cong.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.reports.imports.wordpress.WordPressImport;
import vn.cong.reports.imports.wordpress.WordPressImportJobs;
import vn.cong.reports.imports.wordpress.WordPressReport;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Bringing a WordPress site into a tenant at the console: upload the export (with the operator's slug table for about
 * pages), which runs as a dry run first; its report shows what would happen, and one button then imports the same
 * file. Both run in the background; their page shows a progress bar (refreshing itself, no script needed) and then
 * the report, every entry listed.
 */
@Controller(Console.ROOT + "/cong/{code}/wordpress")
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleWordPressController {

    private final TenantRegistry registry;
    private final WordPressImportJobs jobs;
    private final OperatorAudit audit;
    private final ConsolePages pages;

    ConsoleWordPressController(TenantRegistry registry, WordPressImportJobs jobs, OperatorAudit audit, ConsolePages pages) {
        this.registry = registry;
        this.jobs = jobs;
        this.audit = audit;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, @PathVariable String code) {
        Tenant tenant = serving(code);
        return tenant == null ? notFound(request, code) : page(request, HttpStatus.OK, tenant, "", null);
    }

    /** The uploaded export, checked by a dry run first. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> dryRun(HttpRequest<?> request, @PathVariable String code, @Part("file") @Nullable CompletedFileUpload file,
                                             @Part("slugMap") @Nullable String slugMap, @Part("csrfToken") @Nullable String csrfToken) {
        Tenant tenant = serving(code);
        if (tenant == null) {
            return notFound(request, code);
        }
        String typed = slugMap == null ? "" : slugMap;
        if (file == null || file.getSize() == 0) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, tenant, typed, "Hãy chọn tệp xuất của WordPress (Công cụ → Xuất → Tất cả nội dung).");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, tenant, typed, "Không đọc được tệp tải lên: " + e.getMessage());
        }
        return jobs.start(tenant, file.getFilename(), bytes, new WordPressImport.Options(true, typed, "console:" + file.getFilename()), (job, report) -> {
                })
                .map(id -> Console.seeOther(jobPath(code, id)));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> job(HttpRequest<?> request, @PathVariable String code, @PathVariable String id) {
        return jobs.find(code, id).map(job -> {
            Map<String, Object> model = new HashMap<>();
            model.put("code", code);
            model.put("job", job);
            model.put("percent", job.finished() ? 100 : job.done() * 100 / Math.max(1, job.total()));
            // until it is done, the page asks to be shown again every second: the progress bar moves without script
            return pages.page(request, "wordpress-job", model).map(r -> job.finished() ? r : r.header("Refresh", "1"));
        }).orElseGet(() -> pages.page(request, HttpStatus.NOT_FOUND, "not-found", Map.of("message", "Không có lần nhập này (có thể đã quá cũ).")));
    }

    @Serdeable
    record ImportForm(@Nullable String csrfToken) implements CsrfForm {
    }

    /** After a dry run: the same file imported for real. */
    @Post(value = "/{id}/nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> importFile(HttpRequest<?> request, @PathVariable String code, @PathVariable String id, @Body ImportForm form) {
        Tenant tenant = serving(code);
        if (tenant == null) {
            return notFound(request, code);
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        BiConsumer<WordPressImportJobs.Job, WordPressReport> audited = (job, report) -> audit.record(who, "ops.tenant.wordpress-import", code,
                        report.refused() ? OperatorAudit.Outcome.REFUSED : OperatorAudit.Outcome.OK,
                        Map.of("file", job.fileName(), "site", report.site(), "posts", report.counts().posts(), "pages", report.counts().pages(),
                                "media", report.counts().media(), "redirects", report.counts().redirects()))
                .subscribe();
        return jobs.importAfterDryRun(tenant, id, "console", audited)
                .map(next -> Mono.just(Console.seeOther(jobPath(code, next))))
                .orElseGet(() -> page(request, HttpStatus.CONFLICT, tenant, "", "Lần chạy thử này không còn (hoặc chưa xong, hoặc tệp bị từ chối): hãy tải tệp lên lại."));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, Tenant tenant, String slugMap, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("code", tenant.code());
        model.put("tenantName", tenant.name("vi"));
        model.put("slugMap", slugMap);
        if (error != null) {
            model.put("error", error);
        }
        return pages.page(request, status, "wordpress", model);
    }

    private Tenant serving(String code) {
        return registry.findByCode(code).filter(Tenant::isServing).orElse(null);
    }

    private static String jobPath(String code, String id) {
        return Console.ROOT + "/cong/" + code + "/wordpress/" + id;
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request, String code) {
        return pages.page(request, HttpStatus.NOT_FOUND, "not-found", Map.of("message", "Không có cổng mã «" + code + "»."));
    }
}
