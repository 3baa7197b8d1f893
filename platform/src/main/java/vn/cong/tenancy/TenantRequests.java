package vn.cong.tenancy;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** Where the tenant filter leaves its findings on a request. */
public final class TenantRequests {

    public static final String TENANT = "cong.tenant";
    public static final String HOST_KIND = "cong.hostKind";
    public static final String HOST = "cong.host";
    public static final String STATUS_DOMAIN = "cong.statusDomain";

    private TenantRequests() {
    }

    public static Optional<Tenant> tenant(HttpRequest<?> request) {
        return request.getAttribute(TENANT, Tenant.class);
    }

    public static HostKind hostKind(HttpRequest<?> request) {
        return request.getAttribute(HOST_KIND, HostKind.class).orElse(HostKind.UNKNOWN);
    }

    /** On a status host {@code status.<domain>}: the root domain whose portals the page shows. */
    public static Optional<String> statusDomain(HttpRequest<?> request) {
        return request.getAttribute(STATUS_DOMAIN, String.class);
    }

    /** The normalised host the request was addressed to (after trusted-proxy forwarding). */
    public static Optional<String> host(HttpRequest<?> request) {
        return request.getAttribute(HOST, String.class);
    }
}
