package vn.cong.admin;

import vn.cong.web.CsrfForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A signed-in person changing their own password; {@code tiep} is where to go afterwards. */
@Serdeable
record ChangePasswordForm(@Nullable String current, @Nullable String password, @Nullable String confirmation,
                          @Nullable String csrfToken, @Nullable String tiep) implements CsrfForm {
}
