package vn.cong.site.kinds;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.attachments.DownloadNames;
import vn.cong.site.PublicPages;
import vn.cong.tenancy.Tenant;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Downloads of attachments of public items, on the item's tenant's hosts only (the id is looked up
 * in the request's tenant schema, so another tenant's ids find nothing). The browser is told the
 * type the content was checked to be, never to sniff, and to save the file under its safe name.
 */
@Produces(MediaType.ALL)
@Controller
class AttachmentDownloadController {

    private static final Pattern ID = Pattern.compile("^[1-9][0-9]{0,17}$");

    private final Attachments attachments;
    private final PublicPages pages;
    private final Scheduler blocking;

    AttachmentDownloadController(Attachments attachments, PublicPages pages, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.attachments = attachments;
        this.pages = pages;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Get("/tep-dinh-kem/{id}/{name}")
    Mono<HttpResponse<?>> download(HttpRequest<?> request, Tenant tenant, String id, String name) {
        if (!ID.matcher(id).matches()) {
            return pages.notFound(request);
        }
        return attachments.download(tenant, Long.parseLong(id), false).flatMap(found -> found
                .filter(d -> d.downloadName().equals(name))
                .map(d -> Mono.fromCallable(() -> Files.readAllBytes(d.path())).subscribeOn(blocking)
                        .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes)
                                .contentType(d.contentType())
                                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition(d.downloadName(), d.originalName()))
                                .header("X-Content-Type-Options", "nosniff")
                                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                                // short: a file taken down or detached must stop being served soon
                                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")))
                .orElseGet(() -> pages.notFound(request)));
    }
}
