package vn.cong.media;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.Tenant;

import java.nio.file.Files;
import java.util.concurrent.ExecutorService;

/** Serves a tenant's uploads from its own folder only; another tenant's file names mean nothing here. */
@Produces(io.micronaut.http.MediaType.ALL)
@Controller("/media")
class MediaController {

    private final MediaStore store;
    private final Scheduler blocking;

    MediaController(MediaStore store, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.store = store;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /**
     * A file never replaced keeps its bytes for ever, so browsers keep it a year. One the media library replaced
     * under the same address is revalidated on each use (its tag answers 304 when unchanged); pages name it with
     * {@code ?v=<tag>} so readers who kept the old bytes fetch the new ones.
     */
    @Get("/{year}/{name}")
    Mono<HttpResponse<byte[]>> file(HttpRequest<?> request, Tenant tenant, String year, String name) {
        return store.find(tenant, year + "/" + name).flatMap(found -> found
                .map(f -> {
                    String etag = "\"" + f.tag() + "\"";
                    if (f.replaced() && etag.equals(request.getHeaders().get("If-None-Match"))) {
                        return Mono.just(HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED).header("ETag", etag));
                    }
                    return Mono.fromCallable(() -> Files.readAllBytes(f.path())).subscribeOn(blocking)
                            .map(bytes -> HttpResponse.ok(bytes)
                                    .contentType(MediaType.of(f.contentType()))
                                    .header("Cache-Control", f.replaced() ? "public, no-cache" : "public, max-age=31536000, immutable")
                                    .header("ETag", etag)
                                    .header("X-Content-Type-Options", "nosniff"));
                })
                .orElseGet(() -> Mono.just(HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
                        .body("Không tìm thấy tệp.".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }
}
