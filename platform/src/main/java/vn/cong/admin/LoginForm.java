package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import vn.cong.web.CsrfForm;

/** The login form; {@code tiep} is the staff page to continue to afterwards. */
@Serdeable
record LoginForm(@Nullable String username, @Nullable String password, @Nullable String csrfToken, @Nullable String tiep)
        implements CsrfForm {
}
