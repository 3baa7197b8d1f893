package vn.cong.web;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on every staff controller (class or method). A POST/PUT/PATCH/DELETE route under
 * {@code /quan-tri} without it is refused outright (403) by the staff area's filter; with it, the
 * request must carry the session's CSRF token, either as the form field {@code csrfToken} (the
 * {@code @Body} record implements {@link CsrfForm}, or the method has a {@code String csrfToken}
 * parameter) or as the header {@code X-CSRF-TOKEN}; otherwise 403 and the method never runs. A method taking the
 * whole multipart body ({@code @Body MultipartBody}) gets its parts only once they have all arrived and the token
 * among them matched; otherwise the body fails with 403 (see {@link CsrfCheckedParts}).
 * The token is checked after Micronaut has bound the body, never by reading the body in a filter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface CsrfProtected {
}
