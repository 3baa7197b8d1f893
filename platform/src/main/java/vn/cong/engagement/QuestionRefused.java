package vn.cong.engagement;

/** A step on a question that cannot be taken: the reason in Vietnamese; {@code forbidden} when the person may not take it at all. */
public class QuestionRefused extends RuntimeException {

    private final boolean forbidden;

    public QuestionRefused(String message, boolean forbidden) {
        super(message);
        this.forbidden = forbidden;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
