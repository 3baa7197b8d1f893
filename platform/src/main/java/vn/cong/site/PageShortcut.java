package vn.cong.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.event.annotation.EventListener;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import vn.cong.ops.RequestIds;
import vn.cong.ops.TenantRequestCounts;
import vn.cong.system.AcceptEncoding;
import vn.cong.system.NodeName;
import vn.cong.tenancy.RegistryReloaded;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ProxiedRequests;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pages already in this node's cache, answered as soon as the request is read: no routing, no filters, no Reactor
 * (issue 15: "a hit should cost little more than a lookup and a write"). It answers only what the full path has
 * answered before: when a request goes the full way and {@link PublicPages} serves it a cached 200 page, the request
 * as it came (Host, a trusted proxy's X-Forwarded-Host, path) is remembered with the page it named (tenant, language,
 * canonical path). A later identical request is answered here from the page cache under the tenant's current
 * content version and theme, so a publication, a new theme or an expired entry sends it the full way again, and a
 * registry reload (hosts moved, a tenant suspended or lost) forgets everything learnt. Only plain reads qualify:
 * GET over HTTP/1.1 with keep-alive, no query, no conditional header, no body; anything else, and any request on a
 * connection that still waits for an answer from the full path, goes the full way, so answers never overtake.
 * The answer carries the same headers as the full path's ({@link PublicPages#respond}) and is counted per tenant.
 */
@Singleton
public class PageShortcut {

    /** Set by the connection handler on a request that may teach a route; never trusted from the client. */
    static final String LEARN_HEADER = "X-Cong-Shortcut";

    private final boolean enabled;
    private final PageCache cache;
    private final TenantRegistry registry;
    private final ProxiedRequests proxies;
    private final TenantRequestCounts counts;
    private final String cacheControl;
    /** {@code X-Cong-Node}, as the full path sends it when the operator named the node; null when not named. */
    private final String nodeName;
    /** Request as sent → the page it named; bounded, and cleared when the registry reloads. */
    private final Cache<String, Route> routes = Caffeine.newBuilder().maximumSize(100_000).build();
    /** Routes learnt by requests still being answered, by the ticket their connection handler gave them. */
    private final Map<String, Route> learnt = new ConcurrentHashMap<>();
    private final String ticketPrefix = UUID.randomUUID() + ":";
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile long dateSecond;
    private volatile String date;

    PageShortcut(SiteConfiguration config, PageCache cache, TenantRegistry registry, ProxiedRequests proxies,
                 TenantRequestCounts counts, NodeName node) {
        this.enabled = config.shortcut();
        this.cache = cache;
        this.registry = registry;
        this.proxies = proxies;
        this.counts = counts;
        this.cacheControl = "public, max-age=" + config.browserMaxAge();
        this.nodeName = node.configured() ? node.value() : null;
    }

    record Route(String tenant, String lang, String canonicalPath) {
    }

    /** What the connection handler keeps for a request it let through: null when it cannot teach a route. */
    record Pending(String request, String ticket) {
    }

    boolean enabled() {
        return enabled;
    }

    /** Pages answered here since start (tests, metrics). */
    public long answered() {
        return answered.get();
    }

    /** The answer for a request, from the page cache, or null when the request must go the full way. */
    FullHttpResponse answer(io.netty.handler.codec.http.HttpRequest request, SocketAddress remote) {
        String key = plainRead(request) ? key(request, remote) : null;
        Route route = key == null ? null : routes.getIfPresent(key);
        if (route == null) {
            return null;
        }
        Tenant tenant = registry.findByCode(route.tenant()).orElse(null);
        if (tenant == null || !tenant.isServing() || tenant.schemaMissing()) {
            return null;
        }
        CachedPage page = cache.near(PageKey.of(tenant, route.lang(), route.canonicalPath()));
        if (page == null || page.status() != 200) {
            return null;
        }
        boolean gzip = AcceptEncoding.allowsGzip(request.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzip() : page.plain();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
        HttpHeaders h = response.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, "text/html;charset=utf-8");
        if (gzip) {
            h.set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
        }
        h.set(HttpHeaderNames.ETAG, gzip ? page.gzipEtag() : page.etag());
        h.set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        h.set(HttpHeaderNames.VARY, "Accept-Encoding");
        h.set(HttpHeaderNames.CONTENT_LANGUAGE, page.lang());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "strict-origin-when-cross-origin");
        h.set("Content-Security-Policy", page.contentSecurityPolicy());
        h.set(RequestIds.HEADER, RequestIds.idFor(request.headers().get(RequestIds.HEADER)));
        h.set(HttpHeaderNames.DATE, date());
        if (nodeName != null) {
            h.set("X-Cong-Node", nodeName);
        }
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        counts.count(tenant.code(), 200);
        answered.incrementAndGet();
        return response;
    }

    /**
     * A request let through the full way: when it is a plain read, it gets a ticket (in {@link #LEARN_HEADER}) with
     * which {@link PublicPages} can tell what page it served; a ticket the client sent is removed either way.
     */
    Pending letThrough(io.netty.handler.codec.http.HttpRequest request, SocketAddress remote) {
        request.headers().remove(LEARN_HEADER);
        if (!plainRead(request)) {
            return null;
        }
        String key = key(request, remote);
        if (key == null) {
            return null;
        }
        String ticket = ticketPrefix + tickets.incrementAndGet();
        request.headers().set(LEARN_HEADER, ticket);
        return new Pending(key, ticket);
    }

    /** Called by {@link PublicPages} when it answers a request with a cached 200 page. */
    void served(HttpRequest<?> request, String tenant, String lang, String canonicalPath) {
        String ticket = request.getHeaders().get(LEARN_HEADER);
        if (ticket != null && ticket.startsWith(ticketPrefix)) {
            learnt.put(ticket, new Route(tenant, lang, canonicalPath));
        }
    }

    /** The full path has answered the request: what its page was, if any, is remembered for the next identical one. */
    void answeredFully(Pending pending) {
        Route route = learnt.remove(pending.ticket());
        if (route != null) {
            routes.put(pending.request(), route);
        }
    }

    /** The connection closed before the full path answered. */
    void abandoned(Pending pending) {
        learnt.remove(pending.ticket());
    }

    @EventListener
    void onRegistryReloaded(RegistryReloaded event) {
        routes.invalidateAll();
    }

    private boolean plainRead(io.netty.handler.codec.http.HttpRequest request) {
        if (!enabled || request.method() != HttpMethod.GET || request.protocolVersion() != HttpVersion.HTTP_1_1
                || !HttpUtil.isKeepAlive(request)) {
            return false;
        }
        String uri = request.uri();
        HttpHeaders h = request.headers();
        return !uri.isEmpty() && uri.charAt(0) == '/' && uri.indexOf('?') < 0 && uri.indexOf('#') < 0 && uri.length() <= 1000
                && !h.contains(HttpHeaderNames.IF_NONE_MATCH) && !h.contains(HttpHeaderNames.IF_MATCH)
                && !h.contains(HttpHeaderNames.EXPECT) && !h.contains(HttpHeaderNames.UPGRADE) && !h.contains(HttpHeaderNames.CONTENT_LENGTH)
                && !h.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** Everything of the request that chooses the page: the host as the full path reads it, and the path. */
    private String key(io.netty.handler.codec.http.HttpRequest request, SocketAddress remote) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host == null) {
            return null;
        }
        String forwarded = remote instanceof InetSocketAddress address && proxies.trusts(address)
                ? request.headers().get("X-Forwarded-Host") : null;
        return forwarded == null ? host + ' ' + request.uri() : host + ' ' + forwarded + ' ' + request.uri();
    }

    private String date() {
        long now = System.currentTimeMillis();
        long second = now / 1000;
        String d = date;
        if (second != dateSecond || d == null) {
            d = DateFormatter.format(new Date(now));
            date = d;
            dateSecond = second;
        }
        return d;
    }
}
