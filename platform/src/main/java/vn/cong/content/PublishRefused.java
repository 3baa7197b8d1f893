package vn.cong.content;

/** An item that may not go online yet; the message says what is missing (Vietnamese, for the editor). */
public class PublishRefused extends RuntimeException {

    public PublishRefused(String message) {
        super(message);
    }
}
