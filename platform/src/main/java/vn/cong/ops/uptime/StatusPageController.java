package vn.cong.ops.uptime;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.HostKind;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.TenantRequests;
import vn.cong.themes.ThemeRenderer;
import vn.cong.themes.Themes;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The public status page on {@code status.<base-domain>}: served there only, rebuilt at most once a minute. */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class StatusPageController {

    private static final Duration FRESH = Duration.ofSeconds(60);

    private final StatusBoard board;
    private final ThemeRenderer renderer;
    private final Themes themes;
    private final PlatformConfiguration config;
    private final Scheduler render;
    private volatile Mono<byte[]> page;
    private volatile long builtAt;

    StatusPageController(StatusBoard board, ThemeRenderer renderer, Themes themes, PlatformConfiguration config,
                         @Named("render") ExecutorService render) {
        this.board = board;
        this.renderer = renderer;
        this.themes = themes;
        this.config = config;
        this.render = Schedulers.fromExecutorService(render);
    }

    @Get("/trang-thai")
    Mono<HttpResponse<byte[]>> status(HttpRequest<?> request) {
        if (TenantRequests.hostKind(request) != HostKind.STATUS) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND));
        }
        return current().map(bytes -> HttpResponse.ok(bytes)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "public, max-age=30"));
    }

    private Mono<byte[]> current() {
        long now = System.nanoTime();
        Mono<byte[]> cached = page;
        if (cached == null || now - builtAt > FRESH.toNanos()) {
            cached = board.board()
                    .publishOn(render)
                    .map(b -> renderer.render(Themes.DEFAULT, "status", Map.of(
                            "board", b, "baseDomain", config.baseDomain(),
                            "assetBase", themes.get(Themes.DEFAULT).assetBase()), Locale.forLanguageTag("vi")))
                    .cache();
            page = cached;
            builtAt = now;
        }
        return cached;
    }
}
