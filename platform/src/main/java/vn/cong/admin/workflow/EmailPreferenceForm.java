package vn.cong.admin.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** The "also by e-mail" checkbox of the notifications page (absent when unticked). */
@Serdeable
public record EmailPreferenceForm(@Nullable String csrfToken, @Nullable String email) implements CsrfForm {

    boolean wanted() {
        return email != null && !email.isBlank();
    }
}
