package vn.cong.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any request whose data could not be reached (database down, tenant schema lost), public page or
 * staff write alike, answers the 503 notice, not a 500.
 */
@Singleton
@Produces
final class UnavailableHandler implements ExceptionHandler<TenantUnavailableException, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnavailableHandler.class);

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, TenantUnavailableException exception) {
        LOG.warn("{} {} on {} answered 503: {}", request.getMethod(), request.getPath(),
                TenantRequests.host(request).orElse("?"), exception.getMessage());
        return UnavailableNotice.of(request, exception);
    }
}
