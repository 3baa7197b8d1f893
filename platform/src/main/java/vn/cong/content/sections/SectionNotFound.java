package vn.cong.content.sections;

/** No section with this id in the tenant (HTTP 404). */
public class SectionNotFound extends RuntimeException {

    public SectionNotFound(long id) {
        super("Không tìm thấy chuyên mục mã " + id + ".");
    }
}
