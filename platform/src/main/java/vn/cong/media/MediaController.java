package vn.cong.media;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;

/**
 * Serves a tenant's uploads from its own folder only; another tenant's file names mean nothing here. Files are
 * streamed from disk, never read whole into memory, and a single byte range is answered (206) so a video can be
 * played from any point ({@link ByteRange}).
 */
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
    Mono<HttpResponse<?>> file(HttpRequest<?> request, Tenant tenant, String year, String name) {
        return store.find(tenant, year + "/" + name).flatMap(found -> found
                .map(f -> {
                    String etag = "\"" + f.tag() + "\"";
                    if (f.replaced() && etag.equals(request.getHeaders().get("If-None-Match"))) {
                        return Mono.<HttpResponse<?>>just(HttpResponse.status(HttpStatus.NOT_MODIFIED).header("ETag", etag));
                    }
                    return Mono.fromCallable(() -> opened(request, f, etag)).subscribeOn(blocking);
                })
                .orElseGet(() -> Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
                        .body("Không tìm thấy tệp.".getBytes(StandardCharsets.UTF_8)))));
    }

    /** The answer for the requested part of the file; its channel is closed when the body has been sent. */
    private HttpResponse<?> opened(HttpRequest<?> request, MediaStore.StoredFile f, String etag) throws IOException {
        FileChannel channel = FileChannel.open(f.path(), StandardOpenOption.READ);
        try {
            long length = channel.size();
            ByteRange range = request.getMethod() == HttpMethod.GET && mayUseRange(request, etag)
                    ? ByteRange.of(request.getHeaders().get("Range"), length)
                    : new ByteRange.Whole();
            MutableHttpResponse<?> response;
            if (range instanceof ByteRange.Part part) {
                response = HttpResponse.status(HttpStatus.PARTIAL_CONTENT)
                        .body(body(channel, part.first(), part.length(), f))
                        .header("Content-Range", part.contentRange(length));
            } else if (range instanceof ByteRange.Unsatisfiable) {
                channel.close();
                response = HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).header("Content-Range", "bytes */" + length);
            } else if (request.getMethod() == HttpMethod.HEAD) {
                // what a GET would answer, without the body (the server sends none for HEAD)
                channel.close();
                response = HttpResponse.ok().contentType(MediaType.of(f.contentType())).contentLength(length);
            } else {
                response = HttpResponse.ok(body(channel, 0, length, f));
            }
            return response
                    .header("Accept-Ranges", "bytes")
                    .header("Cache-Control", f.replaced() ? "public, no-cache" : "public, max-age=31536000, immutable")
                    .header("ETag", etag)
                    .header("X-Content-Type-Options", "nosniff");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** {@code If-Range} with another tag than the file's current one asks for the whole (changed) file (RFC 9110 §13.1.5). */
    private static boolean mayUseRange(HttpRequest<?> request, String etag) {
        String ifRange = request.getHeaders().get("If-Range");
        return ifRange == null || ifRange.equals(etag);
    }

    private static StreamedFile body(FileChannel channel, long first, long length, MediaStore.StoredFile f) throws IOException {
        channel.position(first);
        InputStream part = new BoundedInputStream(Channels.newInputStream(channel), length);
        return new StreamedFile(part, MediaType.of(f.contentType()), f.path().toFile().lastModified(), length);
    }
}
