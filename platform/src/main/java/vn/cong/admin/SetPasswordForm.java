package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import vn.cong.web.CsrfForm;

/** Choosing a password through a one-time link. */
@Serdeable
record SetPasswordForm(@Nullable String token, @Nullable String password, @Nullable String confirmation,
                       @Nullable String csrfToken) implements CsrfForm {
}
