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
import vn.cong.tenancy.TenantRequests;
import vn.cong.themes.ThemeRenderer;
import vn.cong.themes.Themes;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The public status page on {@code status.<domain>} of each root, showing that domain's portals; rebuilt at most once a minute. */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class StatusPageController {

    private static final Duration FRESH = Duration.ofSeconds(60);

    private final StatusBoard board;
    private final ThemeRenderer renderer;
    private final Themes themes;
    private final Scheduler render;
    /** Per root domain: the page and when it was built. */
    private final java.util.concurrent.ConcurrentMap<String, Built> pages = new java.util.concurrent.ConcurrentHashMap<>();

    private record Built(Mono<byte[]> page, long at) {
    }

    StatusPageController(StatusBoard board, ThemeRenderer renderer, Themes themes,
                         @Named("render") ExecutorService render) {
        this.board = board;
        this.renderer = renderer;
        this.themes = themes;
        this.render = Schedulers.fromExecutorService(render);
    }

    @Get("/trang-thai")
    Mono<HttpResponse<byte[]>> status(HttpRequest<?> request) {
        if (TenantRequests.hostKind(request) != HostKind.STATUS || TenantRequests.statusDomain(request).isEmpty()) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND));
        }
        return current(TenantRequests.statusDomain(request).get()).map(bytes -> HttpResponse.ok(bytes)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "public, max-age=30"));
    }

    private Mono<byte[]> current(String domain) {
        long now = System.nanoTime();
        Built built = pages.get(domain);
        if (built == null || now - built.at() > FRESH.toNanos()) {
            Mono<byte[]> page = board.board(domain)
                    .publishOn(render)
                    .map(b -> renderer.render(Themes.DEFAULT, "status", Map.of(
                            "board", b, "baseDomain", domain,
                            "assetBase", themes.get(Themes.DEFAULT).assetBase()), Locale.forLanguageTag("vi")))
                    .cache();
            built = new Built(page, now);
            pages.put(domain, built);
        }
        return built.page();
    }
}
