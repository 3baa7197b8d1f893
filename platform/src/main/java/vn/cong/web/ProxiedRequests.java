package vn.cong.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.cong.tenancy.BrowserHost;
import vn.cong.tenancy.PlatformConfiguration;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * What a request looked like before a trusted reverse proxy ({@code cong.trusted-proxies}) forwarded
 * it: the host the browser addressed (which chooses the tenant), the scheme (for the cookie's Secure
 * flag and for links) and the client's address. This is the one place that reads {@code X-Forwarded-*}
 * headers; they count only when the connection comes from a trusted proxy, and a comma-separated list
 * counts by its last entry, the one that proxy wrote (the entries before it came from further away,
 * possibly from the browser itself).
 */
@Singleton
public class ProxiedRequests implements BrowserHost {

    private final Set<String> trustedProxies;

    ProxiedRequests(PlatformConfiguration config) {
        this.trustedProxies = Set.copyOf(config.trustedProxies());
    }

    /** The {@code Host} header, or the trusted proxy's {@code X-Forwarded-Host}. */
    @Override
    @Nullable
    public String host(HttpRequest<?> request) {
        String forwarded = forwarded(request, "X-Forwarded-Host");
        return forwarded != null ? forwarded : request.getHeaders().get("Host");
    }

    public boolean isHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        return "https".equalsIgnoreCase(forwarded(request, "X-Forwarded-Proto"));
    }

    /** {@code https://host[:port]} as the browser addressed it, for links shown to staff. */
    public String origin(HttpRequest<?> request) {
        return (isHttps(request) ? "https://" : "http://") + host(request);
    }

    /** The client's address: the trusted proxy's {@code X-Forwarded-For} entry, else the connection's. */
    @Nullable
    public String clientAddress(HttpRequest<?> request) {
        String forwarded = forwarded(request, "X-Forwarded-For");
        return forwarded != null ? forwarded : remoteAddress(request);
    }

    /** The last entry of a forwarded header, only from a trusted proxy; null otherwise. */
    @Nullable
    private String forwarded(HttpRequest<?> request, String header) {
        String value = request.getHeaders().get(header);
        if (value == null || !fromTrustedProxy(request)) {
            return null;
        }
        String[] entries = value.split(",", -1);
        return entries[entries.length - 1].strip();
    }

    /** Whether a connection from this address is a trusted proxy's, whose forwarded headers count. */
    public boolean trusts(InetSocketAddress remote) {
        return remote.getAddress() != null && trustedProxies.contains(remote.getAddress().getHostAddress());
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
