package vn.cong.reports.produced;

/** A sign-off step that may not be taken: by this person ({@link #forbidden()}), or in the report's present state. */
public class SignOffRefused extends RuntimeException {

    private final boolean forbidden;

    SignOffRefused(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    static SignOffRefused forbidden(String message) {
        return new SignOffRefused(message, true);
    }

    static SignOffRefused conflict(String message) {
        return new SignOffRefused(message, false);
    }

    public boolean forbidden() {
        return forbidden;
    }
}
