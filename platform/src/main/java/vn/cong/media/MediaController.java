package vn.cong.media;

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

    @Get("/{year}/{name}")
    Mono<HttpResponse<byte[]>> file(Tenant tenant, String year, String name) {
        return store.find(tenant, year + "/" + name).flatMap(found -> found
                .map(f -> Mono.fromCallable(() -> Files.readAllBytes(f.path())).subscribeOn(blocking)
                        .map(bytes -> HttpResponse.ok(bytes)
                                .contentType(MediaType.of(f.contentType()))
                                .header("Cache-Control", "public, max-age=31536000, immutable")
                                .header("X-Content-Type-Options", "nosniff")))
                .orElseGet(() -> Mono.just(HttpResponse.<byte[]>status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
                        .body("Không tìm thấy tệp.".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }
}
