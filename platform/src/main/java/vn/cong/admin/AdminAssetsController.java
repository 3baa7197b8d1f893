package vn.cong.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * The staff area's static files: its stylesheet, editor and list-ordering scripts, and the rich-text editor (TinyMCE 6 from its
 * WebJar). Read from the class path once, off the event loop, then served from memory.
 */
@Controller(StaffAreaFilter.ASSETS)
@Secured(SecurityRule.IS_ANONYMOUS)
final class AdminAssetsController {

    private static final String TINYMCE = "META-INF/resources/webjars/tinymce/6.8.3/";
    /** Only plain relative paths inside the editor's folder: no "..", no encoded tricks, known file types. */
    private static final Pattern SAFE_PATH = Pattern.compile("^(?!.*\\.\\.)[a-z0-9_\\-]+(/[a-z0-9_\\-]+)*\\.(min\\.js|js|min\\.css|css|woff|woff2)$");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "woff", "font/woff", "woff2", "font/woff2");

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();
    private final Scheduler io;

    AdminAssetsController(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.io = Schedulers.fromExecutorService(blocking);
    }

    @Get("/admin.css")
    Mono<MutableHttpResponse<byte[]>> css() {
        return serve("views/admin/admin.css", "css");
    }

    @Get("/editor.js")
    Mono<MutableHttpResponse<byte[]>> editor() {
        return serve("views/admin/editor/editor.js", "js");
    }

    @Get("/ordering.js")
    Mono<MutableHttpResponse<byte[]>> ordering() {
        return serve("views/admin/ordering/ordering.js", "js");
    }

    @Get("/autosave.js")
    Mono<MutableHttpResponse<byte[]>> autosave() {
        return serve("views/admin/editor/autosave.js", "js");
    }

    /** The media library's focal point and crop previews. */
    @Get("/khung-anh.js")
    Mono<MutableHttpResponse<byte[]>> framing() {
        return serve("views/admin/media/khung-anh.js", "js");
    }

    @Get("/lists.js")
    Mono<MutableHttpResponse<byte[]>> lists() {
        return serve("views/admin/lists/lists.js", "js");
    }

    @Get("/tinymce-vi.js")
    Mono<MutableHttpResponse<byte[]>> editorLanguage() {
        return serve("views/admin/editor/tinymce-vi.js", "js");
    }

    @Get("/tinymce/{+path}")
    Mono<MutableHttpResponse<byte[]>> tinymce(@PathVariable String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND));
        }
        return serve(TINYMCE + path, path.substring(path.lastIndexOf('.') + 1));
    }

    private Mono<MutableHttpResponse<byte[]>> serve(String resource, String extension) {
        Optional<byte[]> cached = files.get(resource);
        Mono<Optional<byte[]>> bytes = cached != null ? Mono.just(cached)
                : Mono.fromCallable(() -> files.computeIfAbsent(resource, AdminAssetsController::read)).subscribeOn(io);
        return bytes.map(found -> found.<MutableHttpResponse<byte[]>>map(b -> HttpResponse.ok(b)
                        .contentType(TYPES.get(extension))
                        .header("Cache-Control", "public, max-age=3600")
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND)));
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = AdminAssetsController.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
