package vn.cong.site;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.HostKind;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.StaffRequests;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The addresses a tenant's previous site had (table {@code old_addresses}, filled by the WordPress import) answer
 * 301 to their new ones, on every host of the tenant: {@code /?p=123}, {@code /?page_id=7}, {@code /?cat=4} (which
 * would otherwise be the home page) before any route, and any other path when nothing else answers it, before
 * the 404 page. Only GET and HEAD; never in the staff area.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class OldAddressRedirects implements Ordered {

    /** The query keys with which WordPress names an entry on its own. */
    private static final List<String> QUERY_KEYS = List.of("p", "page_id", "cat", "attachment_id");
    /** Longer paths are never looked up: no site's address is, and the index need not see them. */
    private static final int MAX_PATH = 2000;

    private final TenantDatabase db;

    OldAddressRedirects(TenantDatabase db) {
        this.db = db;
    }

    @Override
    public int getOrder() {
        // around the 404 page (NotFoundPages, RENDERING): its answer is seen here and replaced by the redirect
        return ServerFilterPhase.RENDERING.before();
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> redirect(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (TenantRequests.hostKind(request) != HostKind.TENANT || tenant.isEmpty()
                || !(request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) || StaffRequests.isStaffPath(request)) {
            return next.proceed();
        }
        String path = normalisedPath(request.getPath());
        Optional<String> query = namingQuery(request);
        Mono<Optional<String>> before = query.isPresent() && (path.equals("/") || path.equals("/index.php"))
                ? target(tenant.get(), "/", query.get()) : Mono.just(Optional.empty());
        return before.flatMap(found -> found.isPresent() ? Mono.just(moved(found.get()))
                : Mono.from(next.proceed()).flatMap(response -> response.code() != HttpStatus.NOT_FOUND.getCode() ? Mono.just(response)
                        : target(tenant.get(), path, "").map(t -> t.<MutableHttpResponse<?>>map(OldAddressRedirects::moved).orElse(response))));
    }

    private Mono<Optional<String>> target(Tenant tenant, String path, String query) {
        if (path.indexOf('\u0000') >= 0 || path.length() > MAX_PATH) {
            // no imported address holds a NUL (PostgreSQL text cannot) or is that long: the 404 stands, no query
            return Mono.just(Optional.empty());
        }
        return db.mono(tenant, c -> c.query("SELECT target FROM old_addresses WHERE path = $1 AND query = $2", r -> r.get(0, String.class),
                path, query)).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static MutableHttpResponse<?> moved(String target) {
        return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY).header("Location", target);
    }

    /** {@code p=123} when the request names an entry by one of WordPress's query keys (the first one present). */
    private static Optional<String> namingQuery(HttpRequest<?> request) {
        for (String key : QUERY_KEYS) {
            Optional<String> value = request.getParameters().getFirst(key);
            if (value.isPresent() && value.get().strip().matches("\\d{1,19}")) {
                return Optional.of(key + "=" + value.get().strip());
            }
        }
        return Optional.empty();
    }

    /**
     * How an old path is kept and matched: percent-decoded, NFC, lower case, without a trailing slash ({@code /} for the
     * root), so {@code /2019/05/Tin-M%E1%BB%9Bi/} and {@code /2019/05/tin-mới} are the same address.
     */
    public static String normalisedPath(String path) {
        String p = path == null ? "" : path.strip();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            p = Optional.ofNullable(URI.create(p.replace(" ", "%20")).getRawPath()).orElse("/");
        }
        p = Normalizer.normalize(decode(p), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
