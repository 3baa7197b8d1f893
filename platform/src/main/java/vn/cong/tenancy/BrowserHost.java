package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * The host the browser addressed, as the request's {@code Host} header or, behind a trusted reverse
 * proxy, as the proxy forwarded it. Answered by the web kit ({@code vn.cong.web.ProxiedRequests}), the
 * one place that reads forwarded headers; the tenant filter only asks.
 */
public interface BrowserHost {

    /** The host and port as sent (not yet normalised), or null when the request names none. */
    @Nullable
    String host(HttpRequest<?> request);
}
