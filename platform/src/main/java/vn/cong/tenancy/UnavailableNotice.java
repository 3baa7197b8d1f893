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

    /** Seconds a client is asked to wait while its portal moves to another database (a move takes seconds). */
    public static final String MOVING_RETRY_AFTER = "30";

    static final String MOVING_VI = "Cổng thông tin đang được chuyển sang máy chủ cơ sở dữ liệu khác: trong lúc này chỉ xem được, "
            + "chưa lưu được thay đổi, và thay đổi vừa gửi chưa được lưu. Nội dung bạn đã nhập vẫn còn trong biểu mẫu: "
            + "hãy quay lại trang trước và gửi lại sau khoảng nửa phút.";
    static final String MOVING_EN = "This portal is being moved to another database server: it can be read but not changed for a moment, "
            + "and the change you sent was not saved. What you typed is still in the form: go back and send it again in about half a minute.";

    /** Seconds a client is asked to wait while its portal's schema is migrated to a new release (seconds to minutes). */
    public static final String UPGRADING_RETRY_AFTER = "60";

    static final String UPGRADING_VI = "Cổng thông tin đang được nâng cấp lên phiên bản mới, việc này mất vài phút. Trong lúc này chỉ xem "
            + "được các trang đã có sẵn; nếu bạn vừa gửi một thay đổi, thay đổi đó chưa được lưu nhưng nội dung đã nhập vẫn còn trong "
            + "biểu mẫu. Xin vui lòng thử lại sau ít phút.";
    static final String UPGRADING_EN = "This portal is being upgraded to a new release, which takes a few minutes. Meanwhile only pages "
            + "already prepared can be read; if you just sent a change, it was not saved, but what you typed is still in the form. "
            + "Please try again in a few minutes.";

    private UnavailableNotice() {
    }

    /** The 503 for a request the tenant cannot serve now from its database: upgrading, or its data unreachable. */
    public static MutableHttpResponse<String> of(HttpRequest<?> request, Tenant tenant) {
        return tenant.upgrading() ? upgrading(request) : response(request);
    }

    /** The 503 that fits the failure: a move, an upgrade, or any other outage. */
    public static MutableHttpResponse<String> of(HttpRequest<?> request, TenantUnavailableException failure) {
        if (failure instanceof TenantMovingException) {
            return moving(request);
        }
        return failure instanceof TenantUpgradingException ? upgrading(request) : response(request);
    }

    /** The 503 while this node migrates the tenant's schema to a new release after start-up. */
    public static MutableHttpResponse<String> upgrading(HttpRequest<?> request) {
        return PlainNotice.response(request, HttpStatus.SERVICE_UNAVAILABLE, UPGRADING_RETRY_AFTER, UPGRADING_VI, UPGRADING_EN,
                new String[] {"Đang nâng cấp", "Upgrading"}, "dang-nang-cap");
    }

    /** The 503 for a write refused while the tenant moves to another database cluster. */
    public static MutableHttpResponse<String> moving(HttpRequest<?> request) {
        return PlainNotice.response(request, HttpStatus.SERVICE_UNAVAILABLE, MOVING_RETRY_AFTER, MOVING_VI, MOVING_EN,
                new String[] {"Đang chuyển dữ liệu", "Moving"}, "dang-chuyen");
    }

    public static MutableHttpResponse<String> response(HttpRequest<?> request) {
        return PlainNotice.response(request, HttpStatus.SERVICE_UNAVAILABLE, RETRY_AFTER, VI, EN,
                new String[] {"Tạm thời gián đoạn", "Temporarily unavailable"}, "gian-doan");
    }
}
