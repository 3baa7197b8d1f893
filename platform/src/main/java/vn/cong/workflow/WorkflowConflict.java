package vn.cong.workflow;

/**
 * Someone acted on the item after this person opened it: their step is not applied over a state
 * they have not seen (HTTP 409). What they typed stays on the form.
 */
public class WorkflowConflict extends RuntimeException {

    private final int currentVersion;

    public WorkflowConflict(int expectedVersion, int currentVersion, String currentStateLabel) {
        super("Tin bài này vừa được người khác xử lý trong lúc bạn xem (bạn mở phiên bản " + expectedVersion
                + ", hiện đã là phiên bản " + currentVersion + ", trạng thái «" + currentStateLabel + "»). "
                + "Thao tác của bạn chưa được thực hiện; nội dung bạn nhập vẫn còn bên dưới. Hãy xem lại trạng thái mới rồi quyết định.");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
