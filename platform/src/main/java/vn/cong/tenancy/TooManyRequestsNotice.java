package vn.cong.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
        String path = request.getPath();
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(seconds))
                .header("Cache-Control", "no-store");
        if (path.startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"errors\":[{\"field\":\"\",\"message\":\"" + VI.formatted(seconds) + "\"}]}");
        }
        boolean english = path.equals("/en") || path.startsWith("/en/");
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        String title = tenant == null ? (english ? "Too many requests" : "Quá nhiều yêu cầu")
                : UnavailableNotice.escape(tenant.name(english ? "en" : "vi"));
        String html = "<!doctype html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1><p id=\"qua-tai\">" + (english ? EN : VI).formatted(seconds)
                + "</p></main></body></html>";
        return response.contentType(MediaType.TEXT_HTML + ";charset=utf-8").body(html);
    }
}
