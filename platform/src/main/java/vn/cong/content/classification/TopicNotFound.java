package vn.cong.content.classification;

/** No topic with this id in the tenant's list (another tenant's id included). */
public class TopicNotFound extends RuntimeException {

    public TopicNotFound(long id) {
        super("No topic " + id);
    }
}
