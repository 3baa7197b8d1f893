package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
        String path = request.getPath();
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER)
                .header("Cache-Control", "no-store");
        if (path.startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"errors\":[{\"field\":\"\",\"message\":\"" + VI + "\"}]}");
        }
        boolean english = path.equals("/en") || path.startsWith("/en/");
        return response.contentType(MediaType.TEXT_HTML + ";charset=utf-8").body(html(tenant, english));
    }

    static String html(@Nullable Tenant tenant, boolean english) {
        String title = tenant == null ? (english ? "Temporarily unavailable" : "Tạm thời gián đoạn")
                : escape(tenant.name(english ? "en" : "vi"));
        return "<!doctype html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1><p id=\"gian-doan\">" + (english ? EN : VI) + "</p></main></body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
