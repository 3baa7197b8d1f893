package vn.cong.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.time.Duration;

/**
 * The 429 a portal answers while it is over the request limit the operator set for it: a short notice in
 * Vietnamese, in English under {@code /en}, as JSON under {@code /api}, with {@code Retry-After}. Built from
 * the request alone, like {@link UnavailableNotice}, so it costs no rendering.
 */
public final class TooManyRequestsNotice {

    static final String VI = "Cổng thông tin đang nhận quá nhiều yêu cầu trong một phút, vượt mức được cấp. "
            + "Xin vui lòng thử lại sau %d giây; các trang đã có sẵn vẫn xem được bình thường.";
    static final String EN = "This portal is receiving more requests a minute than it is allowed. "
            + "Please try again in %d seconds; pages already prepared can still be read.";

    private TooManyRequestsNotice() {
    }

    public static MutableHttpResponse<String> response(HttpRequest<?> request, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return PlainNotice.response(request, HttpStatus.TOO_MANY_REQUESTS, String.valueOf(seconds), VI.formatted(seconds),
                EN.formatted(seconds), new String[] {"Quá nhiều yêu cầu", "Too many requests"}, "qua-tai");
    }
}
