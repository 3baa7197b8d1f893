package vn.cong.reports.imports.wordpress;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.channels.ChannelAddresses;
import vn.cong.media.MediaConfiguration;
import vn.cong.system.IpNetwork;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Fetches the files of a site being brought over: http(s) only, every address (and every redirect's) checked as
 * webhooks are ({@link ChannelAddresses}: no loopback, private or link-local address unless the operator allowed the
 * network), redirects followed by hand up to a limit, a time limit per file and a size limit (the media library's
 * own, read no further). Fetching blocks, so it runs on the bounded blocking executor.
 */
@Singleton
class MediaDownloads {

    /** A fetched file, or why it could not be fetched (Vietnamese). */
    record Fetched(String url, byte[] bytes, String fileName, String problem) {

        boolean ok() {
            return problem == null;
        }

        static Fetched failed(String url, String problem) {
            return new Fetched(url, null, null, problem);
        }
    }

    private final ChannelAddresses addresses;
    private final WordPressImportConfiguration config;
    private final List<IpNetwork> allowed;
    private final long maxBytes;
    private final HttpClient client;
    private final Scheduler blocking;

    MediaDownloads(ChannelAddresses addresses, WordPressImportConfiguration config, MediaConfiguration media,
                   @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.addresses = addresses;
        this.config = config;
        this.allowed = config.allowed().stream().map(IpNetwork::parse).toList();
        this.maxBytes = media.maxBytes();
        this.client = HttpClient.newBuilder().connectTimeout(config.downloadTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Why {@code url} may not be fetched, or empty (no request is made). */
    Mono<Optional<String>> problem(String url) {
        return addresses.problem(url, allowed);
    }

    Mono<Fetched> fetch(String url) {
        return fetch(url, url, 0);
    }

    private Mono<Fetched> fetch(String original, String url, int redirects) {
        return problem(url).flatMap(problem -> problem.isPresent()
                ? Mono.just(Fetched.failed(original, problem.get()))
                : Mono.fromCallable(() -> get(original, url)).subscribeOn(blocking).flatMap(answer -> {
                    if (answer.redirect() == null) {
                        return Mono.just(answer.fetched());
                    }
                    if (redirects >= config.maxRedirects()) {
                        return Mono.just(Fetched.failed(original, "Chuyển hướng quá " + config.maxRedirects() + " lần."));
                    }
                    return fetch(original, answer.redirect(), redirects + 1);
                }));
    }

    private record Answer(Fetched fetched, String redirect) {
    }

    private Answer get(String original, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Answer(Fetched.failed(original, "Địa chỉ không hợp lệ."), null);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.downloadTimeout()).GET()
                .header("User-Agent", "Cong-WordPress-import").build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        return new Answer(Fetched.failed(original, "Máy chủ trả lời chuyển hướng " + status + " mà không có địa chỉ."), null);
                    }
                    return new Answer(null, uri.resolve(location.get().strip()).toString());
                }
                if (status != 200) {
                    return new Answer(Fetched.failed(original, "Máy chủ trả lời " + status + "."), null);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    return new Answer(Fetched.failed(original, tooLarge()), null);
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return new Answer(Fetched.failed(original, tooLarge()), null);
                }
                return new Answer(new Fetched(original, bytes, fileName(uri), null), null);
            }
        } catch (HttpTimeoutException e) {
            return new Answer(Fetched.failed(original, "Quá thời gian chờ " + config.downloadTimeout().toSeconds() + " giây."), null);
        } catch (IOException e) {
            return new Answer(Fetched.failed(original, "Không kết nối được: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "."), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Fetched.failed(original, "Bị dừng giữa chừng."), null);
        }
    }

    private String tooLarge() {
        return "Tệp lớn hơn " + maxBytes / (1024 * 1024) + " MB (giới hạn của thư viện tư liệu).";
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "tep" : last;
    }
}
