package vn.cong.admin.content;

import java.util.Arrays;
import java.util.Optional;

/** What a content list does with the rows checked: each is one workflow command, run for each item alone. */
enum BulkAction {
    SUBMIT("gui-duyet", "Gửi duyệt", "Đã gửi vào quy trình duyệt."),
    ARCHIVE("luu-tru", "Lưu trữ", "Đã đưa vào lưu trữ."),
    DELETE_DRAFTS("xoa-nhap", "Xoá bản nháp", "Đã xoá bản nháp.");

    private final String code;
    private final String label;
    private final String done;

    BulkAction(String code, String label, String done) {
        this.code = code;
        this.label = label;
        this.done = done;
    }

    static Optional<BulkAction> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    String label() {
        return label;
    }

    String done() {
        return done;
    }
}
