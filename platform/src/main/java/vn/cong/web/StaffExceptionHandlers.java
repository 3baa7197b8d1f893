package vn.cong.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.system.RedisUnavailableException;

/** How the staff area says no: anonymous → to the login form; logged in without the role → 403 page. */
final class StaffExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(StaffExceptionHandlers.class);

    private StaffExceptionHandlers() {
    }

    static boolean isStaffPath(HttpRequest<?> request) {
        return StaffRequests.isStaffPath(request);
    }

    @Singleton
    @Produces
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    static final class NotAllowed implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

        private final StaffErrorPages errors;

        NotAllowed(StaffErrorPages errors) {
            this.errors = errors;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
            if (!isStaffPath(request)) {
                return HttpResponse.status(exception.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED);
            }
            if (exception.isForbidden()) {
                return errors.forbidden();
            }
            UriBuilder login = UriBuilder.of("/quan-tri/dang-nhap");
            if (request.getMethod() == HttpMethod.GET && !"/quan-tri".equals(request.getPath())) {
                login.queryParam("tiep", request.getPath());
            }
            return HttpResponse.seeOther(login.build());
        }
    }

    @Singleton
    @Produces
    static final class CsrfRejected implements ExceptionHandler<CsrfRejectedException, MutableHttpResponse<?>> {

        private final StaffErrorPages errors;

        CsrfRejected(StaffErrorPages errors) {
            this.errors = errors;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, CsrfRejectedException exception) {
            LOG.info("CSRF check refused {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return errors.csrfRejected();
        }
    }

    @Singleton
    @Produces
    static final class StoreUnavailable implements ExceptionHandler<RedisUnavailableException, MutableHttpResponse<?>> {

        private final StaffErrorPages errors;

        StoreUnavailable(StaffErrorPages errors) {
            this.errors = errors;
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, RedisUnavailableException exception) {
            LOG.warn("{} {} answered 503: {}", request.getMethod(), request.getPath(), exception.getMessage());
            if (isStaffPath(request)) {
                return errors.loginUnavailable();
            }
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau.");
        }
    }
}
