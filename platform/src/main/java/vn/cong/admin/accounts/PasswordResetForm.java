package vn.cong.admin.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** Resetting someone's password: a new one-time link, or a password typed by the admin. */
@Serdeable
record PasswordResetForm(@Nullable String passwordMode, @Nullable String password, @Nullable String csrfToken)
        implements CsrfForm {

    @Nullable
    String newPassword() {
        return "password".equals(passwordMode) ? password : null;
    }
}
