package vn.cong.content.translations;

/** A translation link that cannot be made; the message says why, in Vietnamese, for the staff screen. */
public class TranslationRejected extends RuntimeException {

    public TranslationRejected(String message) {
        super(message);
    }
}
