package vn.cong.web;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.multipart.MultipartBody;
import jakarta.inject.Singleton;
import vn.cong.system.RedisConnector;
import vn.cong.system.RedisUnavailableException;

/** Checks the synchronizer token of {@link CsrfProtected} routes, once the body is bound. */
@Singleton
@InterceptorBean(CsrfProtected.class)
final class CsrfInterceptor implements MethodInterceptor<Object, Object> {

    static final String HEADER = "X-CSRF-TOKEN";
    static final String FIELD = "csrfToken";

    private final RedisConnector redis;

    CsrfInterceptor(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null || !StaffRequests.isStateChanging(request.getMethod())) {
            return context.proceed();
        }
        StaffSession session = StaffRequests.session(request).orElse(null);
        if (session == null) {
            if (redis.isKnownDown()) {
                throw new RedisUnavailableException();
            }
            throw new CsrfRejectedException("no session");
        }
        String header = request.getHeaders().get(HEADER);
        if (header == null && wholeMultipartBody(context, session)) {
            return context.proceed(); // the token is checked when all parts have arrived, before the method sees any
        }
        if (!session.csrfMatches(header != null ? header : formToken(context))) {
            throw new CsrfRejectedException("token missing or wrong");
        }
        return context.proceed();
    }

    /** A {@code @Body MultipartBody} argument is handed over as {@link CsrfCheckedParts}. */
    @SuppressWarnings("unchecked")
    private static boolean wholeMultipartBody(MethodInvocationContext<Object, Object> context, StaffSession session) {
        for (MutableArgumentValue<?> argument : context.getParameters().values()) {
            if (argument.getValue() instanceof MultipartBody parts) {
                ((MutableArgumentValue<Object>) argument).setValue(new CsrfCheckedParts(parts, session));
                return true;
            }
        }
        return false;
    }

    private static String formToken(MethodInvocationContext<Object, Object> context) {
        for (MutableArgumentValue<?> argument : context.getParameters().values()) {
            Object value = argument.getValue();
            if (value instanceof CsrfForm form) {
                return form.csrfToken();
            }
            if (value instanceof java.util.Map<?, ?> fields && fields.get(FIELD) instanceof String token) {
                // a form bound whole as a map (fields named at run time, e.g. a theme's variables)
                return token;
            }
            if (FIELD.equals(argument.getName()) && value instanceof String token) {
                return token;
            }
        }
        return null;
    }
}
