package vn.cong.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * What every staff-area response gets on its way out (also used by the operator console): no-store
 * caching, framing/content-type/referrer protections, a strict CSP, and the pre-rendered error page
 * in place of any 500 body.
 */
@Singleton
public class StaffResponses {

    static final String STAFF_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
            + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private final StaffErrorPages errors;

    StaffResponses(StaffErrorPages errors) {
        this.errors = errors;
    }

    public void protect(MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.INTERNAL_SERVER_ERROR.getCode()) {
            // whatever failed (database, Redis, a template), staff see the pre-rendered page, never
            // Micronaut's JSON, and nothing is rendered while answering for a failure
            response.body(errors.unexpectedBody()).contentType(PageTemplates.HTML);
        } else if (response.code() == HttpStatus.BAD_REQUEST.getCode()
                && response.getContentType().map(t -> !t.getName().equals(MediaType.TEXT_HTML)).orElse(true)) {
            // a form's own 400 is a page with its errors; only the router's "Required QueryValue…" JSON is replaced
            response.body(errors.badRequestBody()).contentType(PageTemplates.HTML);
        }
        var headers = response.getHeaders();
        if (!headers.contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        if (!headers.contains("Referrer-Policy")) {
            response.header("Referrer-Policy", "same-origin");
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        if (!headers.contains("Content-Security-Policy")) {
            // a theme preview brings the policy of the public page it shows (its inline theme styles by hash).
            // Scripts only from this origin, never inline; the rich-text editor (TinyMCE) positions its menus and
            // formats text with inline styles, so styles may be inline here (never on public pages)
            response.header("Content-Security-Policy", STAFF_POLICY);
        }
    }
}
