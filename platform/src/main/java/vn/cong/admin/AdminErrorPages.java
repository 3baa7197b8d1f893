package vn.cong.admin;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/**
 * The staff area's refusals, rendered once at start-up: filters and exception handlers answer
 * synchronously and must not render templates on an event loop.
 */
@Context
public class AdminErrorPages {

    static final String LOGIN_UNAVAILABLE = "Hệ thống đăng nhập tạm thời gián đoạn, vui lòng thử lại sau.";
    static final String CSRF_REJECTED = "Yêu cầu không hợp lệ hoặc phiên làm việc đã hết hạn, nên không có thay đổi nào được thực hiện. "
            + "Vui lòng tải lại trang rồi thử lại.";
    static final String FORBIDDEN = "Tài khoản của bạn không có quyền truy cập trang này.";

    private final String loginUnavailable;
    private final String csrfRejected;
    private final String forbidden;

    AdminErrorPages(AdminPages pages) {
        this.loginUnavailable = pages.renderNow("error", Map.of("title", "Tạm thời gián đoạn", "message", LOGIN_UNAVAILABLE,
                "linkHref", "/quan-tri/dang-nhap", "linkText", "Thử lại"));
        this.csrfRejected = pages.renderNow("error", Map.of("title", "Yêu cầu bị từ chối", "message", CSRF_REJECTED,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
        this.forbidden = pages.renderNow("error", Map.of("title", "Không có quyền truy cập", "message", FORBIDDEN,
                "linkHref", "/quan-tri", "linkText", "Về trang quản trị"));
    }

    public MutableHttpResponse<String> loginUnavailable() {
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(AdminPages.HTML).body(loginUnavailable);
    }

    public MutableHttpResponse<String> csrfRejected() {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(AdminPages.HTML).body(csrfRejected);
    }

    public MutableHttpResponse<String> forbidden() {
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(AdminPages.HTML).body(forbidden);
    }
}
