package vn.cong.web;

/** A state-changing staff request without the session's CSRF token: refused with 403, nothing changed. */
public class CsrfRejectedException extends RuntimeException {

    public CsrfRejectedException(String reason) {
        super(reason);
    }
}
