package vn.cong.tenancy;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Lets a controller take the request's {@link Tenant} as a plain parameter. */
@Singleton
final class TenantArgumentBinder implements TypedRequestArgumentBinder<Tenant> {

    @Override
    public Argument<Tenant> argumentType() {
        return Argument.of(Tenant.class);
    }

    @Override
    public BindingResult<Tenant> bind(ArgumentConversionContext<Tenant> context, HttpRequest<?> source) {
        var tenant = TenantRequests.tenant(source);
        return () -> tenant;
    }
}
