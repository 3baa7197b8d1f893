package vn.cong.engagement;

/** A moderation step on a comment that cannot be taken; handled like a refused step on a question. */
public class CommentRefused extends QuestionRefused {

    public CommentRefused(String message, boolean forbidden) {
        super(message, forbidden);
    }
}
