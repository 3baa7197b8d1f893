package vn.cong.content;

/** No item with this id in the tenant (HTTP 404). */
public class ContentNotFound extends RuntimeException {

    public ContentNotFound(long itemId) {
        super("Không tìm thấy bài viết mã " + itemId + ".");
    }
}
