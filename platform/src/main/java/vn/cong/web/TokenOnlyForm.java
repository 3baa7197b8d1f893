package vn.cong.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A form whose only field is the CSRF token: a button that does one thing (log out, revoke, …). */
@Serdeable
public record TokenOnlyForm(@Nullable String csrfToken) implements CsrfForm {
}
