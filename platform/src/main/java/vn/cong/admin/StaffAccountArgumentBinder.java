package vn.cong.admin;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;


/** Lets a staff controller take the logged-in {@link StaffAccount} as a plain parameter. */
@Singleton
final class StaffAccountArgumentBinder implements TypedRequestArgumentBinder<StaffAccount> {

    @Override
    public Argument<StaffAccount> argumentType() {
        return Argument.of(StaffAccount.class);
    }

    @Override
    public BindingResult<StaffAccount> bind(ArgumentConversionContext<StaffAccount> context, HttpRequest<?> source) {
        var account = StaffAccount.signedIn(source);
        return () -> account;
    }
}
