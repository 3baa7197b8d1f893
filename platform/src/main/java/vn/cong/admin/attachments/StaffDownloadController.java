package vn.cong.admin.attachments;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.attachments.DownloadNames;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;

/** Staff download any attachment of this tenant, published or not (to check a file before publishing). */
@Controller("/quan-tri/tep-dinh-kem")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class StaffDownloadController {

    private final Attachments attachments;
    private final Scheduler blocking;

    StaffDownloadController(Attachments attachments, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.attachments = attachments;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Get("/{attachmentId}")
    @Produces(MediaType.ALL)
    Mono<HttpResponse<?>> download(Tenant tenant, long attachmentId) {
        return attachments.download(tenant, attachmentId, true).flatMap(found -> found
                .map(d -> Mono.fromCallable(() -> Files.readAllBytes(d.path())).subscribeOn(blocking)
                        .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(d.contentType())
                                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition(d.downloadName(), d.originalName()))
                                .header("X-Content-Type-Options", "nosniff")
                                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")))
                .orElseGet(() -> Mono.just(HttpResponse.notFound())));
    }
}
