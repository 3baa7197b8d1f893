package vn.cong.content.autosave;

/** An autosave the server does not keep (the item is locked, or what was sent is too large), with the reason to show. */
public class AutosaveRefused extends RuntimeException {

    private final int status;

    public AutosaveRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that answers it: 409 for a locked item, 413 for too much text. */
    public int status() {
        return status;
    }
}
