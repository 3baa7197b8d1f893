package vn.cong.content;

/** Someone saved the item after the editor opened it: their work is not overwritten (HTTP 409). */
public class EditConflict extends RuntimeException {

    private final long itemId;
    private final int currentVersion;

    public EditConflict(long itemId, int expectedVersion, int currentVersion) {
        super("Bài viết đã được người khác sửa trong lúc bạn biên tập (bạn sửa từ phiên bản " + expectedVersion
                + ", hiện đã là phiên bản " + currentVersion + "). Hãy tải lại bài để xem thay đổi rồi sửa tiếp.");
        this.itemId = itemId;
        this.currentVersion = currentVersion;
    }

    public long itemId() {
        return itemId;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
