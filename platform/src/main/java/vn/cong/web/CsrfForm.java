package vn.cong.web;

import io.micronaut.core.annotation.Nullable;

/** A bound form body that carries the CSRF token field {@code csrfToken}. */
public interface CsrfForm {

    @Nullable
    String csrfToken();
}
