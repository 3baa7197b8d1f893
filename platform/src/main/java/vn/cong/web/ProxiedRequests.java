package vn.cong.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.cong.tenancy.PlatformConfiguration;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * What a request looked like before a trusted reverse proxy ({@code cong.trusted-proxies}) forwarded
 * it: the scheme (for the cookie's Secure flag and for links) and the client's address. Forwarded
 * headers from anyone else are ignored.
 */
@Singleton
public class ProxiedRequests {

    private final Set<String> trustedProxies;

    ProxiedRequests(PlatformConfiguration config) {
        this.trustedProxies = Set.copyOf(config.trustedProxies());
    }

    public boolean isHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        return proto != null && fromTrustedProxy(request) && "https".equalsIgnoreCase(proto.split(",")[0].strip());
    }

    /** {@code https://host[:port]} as the browser addressed it, for links shown to staff. */
    public String origin(HttpRequest<?> request) {
        String forwardedHost = request.getHeaders().get("X-Forwarded-Host");
        String host = forwardedHost != null && fromTrustedProxy(request) ? forwardedHost.split(",")[0].strip()
                : request.getHeaders().get("Host");
        return (isHttps(request) ? "https://" : "http://") + host;
    }

    /** The client's address: the proxy's {@code X-Forwarded-For} entry when the proxy is trusted. */
    @Nullable
    public String clientAddress(HttpRequest<?> request) {
        String remote = remoteAddress(request);
        String forwardedFor = request.getHeaders().get("X-Forwarded-For");
        if (forwardedFor != null && remote != null && trustedProxies.contains(remote)) {
            String[] hops = forwardedFor.split(",");
            return hops[hops.length - 1].strip();
        }
        return remote;
    }

    private boolean fromTrustedProxy(HttpRequest<?> request) {
        String remote = remoteAddress(request);
        return remote != null && trustedProxies.contains(remote);
    }

    @Nullable
    private static String remoteAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
