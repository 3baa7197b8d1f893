package vn.cong.ops.uptime;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeoutException;

/** Probes a target with a plain GET, non-blocking (JDK HttpClient), measuring latency. */
@Singleton
public class Prober {

    static {
        // tenant portals are probed through the platform's own address with their Host header
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private final UptimeConfiguration config;
    private final HttpClient client;

    public Prober(UptimeConfiguration config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Mono<CheckResult> probe(ProbeTarget target) {
        long started = System.nanoTime();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(target.url())).timeout(config.timeout())
                    .header("User-Agent", "Cong-Uptime/1.0").GET();
        } catch (IllegalArgumentException e) {
            return Mono.just(new CheckResult(target, false, null, 0, "URL không hợp lệ: " + e.getMessage()));
        }
        if (target.hostHeader() != null) {
            request.header("Host", target.hostHeader());
        }
        return Mono.fromFuture(() -> client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
                .map(response -> {
                    int status = response.statusCode();
                    boolean ok = status >= 200 && status < 400;
                    return new CheckResult(target, ok, status, elapsed(started), ok ? null : "HTTP " + status);
                })
                .onErrorResume(e -> Mono.just(new CheckResult(target, false, null, elapsed(started), describe(e))));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "quá thời gian chờ";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
