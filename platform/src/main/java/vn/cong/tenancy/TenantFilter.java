package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Optional;
import java.util.Set;

/**
 * Resolves the request's host to a tenant once, at the edge. Unknown hosts get a bare 404 that names
 * no tenant; a suspended tenant's hosts answer 503 with a short notice, and so does a tenant whose
 * schema is lost, except for reads that the page cache may still answer.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TenantFilter implements Ordered {

    /** Infrastructure probes hit the node by address, not by a tenant's host. */
    private static final Set<String> HOSTLESS_PATHS = Set.of("/health", "/health/liveness", "/health/readiness", "/prometheus");

    /** The operator console's home on {@code admin.<base-domain>}. */
    public static final String CONSOLE = "/van-hanh";

    /** The public status page's path on {@code status.<domain>} of each root. */
    public static final String STATUS_PAGE = "/trang-thai";

    private final TenantRegistry registry;
    private final PlatformConfiguration config;
    private final BrowserHost browserHost;

    TenantFilter(TenantRegistry registry, PlatformConfiguration config, BrowserHost browserHost) {
        this.registry = registry;
        this.config = config;
        this.browserHost = browserHost;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> resolveTenant(HttpRequest<?> request) {
        Optional<String> host = HostNames.normalize(browserHost.host(request));
        String path = request.getPath();
        if (host.isEmpty()) {
            return HOSTLESS_PATHS.contains(path) ? null : notFound();
        }
        request.setAttribute(TenantRequests.HOST, host.get());
        if (host.get().equals(config.operatorHost())) {
            request.setAttribute(TenantRequests.HOST_KIND, HostKind.OPERATOR);
            // the operator host's root leads to the console
            return path.equals("/") ? HttpResponse.seeOther(java.net.URI.create(CONSOLE)) : null;
        }
        Optional<String> statusDomain = registry.statusDomain(host.get());
        if (statusDomain.isPresent()) {
            request.setAttribute(TenantRequests.HOST_KIND, HostKind.STATUS);
            request.setAttribute(TenantRequests.STATUS_DOMAIN, statusDomain.get());
            // the status host has one page; its root leads there
            return path.equals("/") ? HttpResponse.seeOther(java.net.URI.create(STATUS_PAGE)) : null;
        }
        Optional<Tenant> tenant = registry.findByHost(host.get());
        if (tenant.isEmpty()) {
            request.setAttribute(TenantRequests.HOST_KIND, HostKind.UNKNOWN);
            return HOSTLESS_PATHS.contains(path) ? null : notFound();
        }
        Tenant t = tenant.get();
        if (t.readsFromCacheOnly() && t.status() == Tenant.TenantStatus.ACTIVE && !HOSTLESS_PATHS.contains(path)) {
            // a lost schema, or one this node is still upgrading: reads go on, so that pages still in the cache are
            // served (marked stale); everything else gets the 503 notice without touching the database
            request.setAttribute(TenantRequests.HOST_KIND, HostKind.TENANT);
            request.setAttribute(TenantRequests.TENANT, t);
            boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
            return read ? null : UnavailableNotice.of(request, t);
        }
        if (!t.isServing() && !HOSTLESS_PATHS.contains(path)) {
            return unavailable(t);
        }
        request.setAttribute(TenantRequests.HOST_KIND, HostKind.TENANT);
        request.setAttribute(TenantRequests.TENANT, t);
        if (t.moving() && !isRead(request.getMethod())) {
            // moving to another database: reads go on from the old copy, writes wait (the schema is frozen anyway)
            return UnavailableNotice.moving(request);
        }
        return null;
    }

    private static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
    }

    private static HttpResponse<?> unavailable(Tenant tenant) {
        String notice = tenant.statusNotice() != null ? PlainNotice.escape(tenant.statusNotice())
                : "Cổng thông tin tạm ngừng hoạt động. / This portal is temporarily unavailable.";
        String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
                + PlainNotice.escape(tenant.nameVi()) + "</title></head><body><main><h1>" + PlainNotice.escape(tenant.nameVi())
                + "</h1><p>" + notice + "</p></main></body></html>";
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "3600")
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .body(html);
    }
}
