package vn.cong.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/**
 * The staff area's refusals and error pages, rendered once at start-up: filters, exception handlers
 * and the global not-found route answer synchronously, must not render templates on an event loop,
 * and must not fail (or re-enter error handling) while answering for an earlier failure.
 */
@Context
public class StaffErrorPages {

    public static final String LOGIN_UNAVAILABLE = "Hệ thống đăng nhập tạm thời gián đoạn, vui lòng thử lại sau.";
    public static final String CSRF_REJECTED = "Yêu cầu không hợp lệ hoặc phiên làm việc đã hết hạn, nên không có thay đổi nào được thực hiện. "
            + "Vui lòng tải lại trang rồi thử lại.";
    public static final String FORBIDDEN = "Tài khoản của bạn không có quyền truy cập trang này.";
    public static final String NOT_FOUND = "Trang hoặc nội dung bạn tìm không tồn tại trong cổng này.";
    public static final String BAD_REQUEST = "Địa chỉ này thiếu thông tin hoặc có giá trị không hợp lệ, nên không mở được trang. "
            + "Vui lòng quay lại và chọn từ các liên kết, nút bấm trên trang.";
    public static final String UNEXPECTED = "Đã xảy ra lỗi ngoài dự kiến, thao tác chưa được thực hiện. Vui lòng thử lại sau ít phút.";

    private final String loginUnavailable;
    private final String csrfRejected;
    private final String forbidden;
    private final String notFound;
    private final String unexpected;
    private final String badRequest;

    StaffErrorPages(PageTemplates pages) {
        this.loginUnavailable = pages.renderNow("error", Map.of("title", "Tạm thời gián đoạn", "message", LOGIN_UNAVAILABLE,
                "linkHref", "/quan-tri/dang-nhap", "linkText", "Thử lại"));
        this.csrfRejected = pages.renderNow("error", Map.of("title", "Yêu cầu bị từ chối", "message", CSRF_REJECTED,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
        this.forbidden = pages.renderNow("error", Map.of("title", "Không có quyền truy cập", "message", FORBIDDEN,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
        this.notFound = pages.renderNow("error", Map.of("title", "Không tìm thấy", "message", NOT_FOUND,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
        this.badRequest = pages.renderNow("error", Map.of("title", "Yêu cầu không hợp lệ", "message", BAD_REQUEST,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
        this.unexpected = pages.renderNow("error", Map.of("title", "Đã xảy ra lỗi", "message", UNEXPECTED,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
    }

    public MutableHttpResponse<String> loginUnavailable() {
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(PageTemplates.HTML).body(loginUnavailable);
    }

    public MutableHttpResponse<String> csrfRejected() {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(PageTemplates.HTML).body(csrfRejected);
    }

    /** The staff area's 404 for an address no route answers (see {@link NotFoundPages}). */
    public MutableHttpResponse<String> notFound() {
        return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType(PageTemplates.HTML).body(notFound);
    }

    /** The body of a staff 500: an error page that cannot itself fail, so an error can never lead to another. */
    String unexpectedBody() {
        return unexpected;
    }

    /** The body of a staff 400 the router gave (a missing or unreadable parameter), in place of its English JSON. */
    String badRequestBody() {
        return badRequest;
    }

    public MutableHttpResponse<String> forbidden() {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(PageTemplates.HTML).body(forbidden);
    }
}
