package vn.cong.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * The 503 a reader or a staff member gets while a portal's data cannot be reached (the database is
 * down, or the tenant's schema is lost and being restored): the same short notice everywhere, in
 * Vietnamese, in English under {@code /en}, as JSON under {@code /api}, with {@code Retry-After}.
 * Built from nothing but the request, so it can always be given, on any thread.
 */
public final class UnavailableNotice {

    /** Seconds a client is asked to wait: an outage or a restore is a matter of minutes. */
    public static final String RETRY_AFTER = "60";

    static final String VI = "Cổng thông tin đang tạm thời gián đoạn do sự cố dữ liệu; không có thay đổi nào được lưu. "
            + "Chúng tôi đang khắc phục, xin vui lòng thử lại sau ít phút.";
    static final String EN = "This portal is temporarily unavailable because of a data problem; no change was saved. "
            + "We are fixing it: please try again in a few minutes.";

    private UnavailableNotice() {
    }

    public static MutableHttpResponse<String> response(HttpRequest<?> request) {
        return PlainNotice.response(request, HttpStatus.SERVICE_UNAVAILABLE, RETRY_AFTER, VI, EN,
                new String[] {"Tạm thời gián đoạn", "Temporarily unavailable"}, "gian-doan");
    }
}
