package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * A short notice built from nothing but the request (no template, no database): Vietnamese, English under {@code /en},
 * JSON under {@code /api}, with {@code Retry-After} and never stored. The shared shape of {@link UnavailableNotice}
 * and {@link TooManyRequestsNotice}.
 */
final class PlainNotice {

    private PlainNotice() {
    }

    /** {@code titles} are the Vietnamese and English page titles used when the request names no tenant. */
    static MutableHttpResponse<String> response(HttpRequest<?> request, HttpStatus status, String retryAfter, String vi, String en,
                                                String[] titles, String paragraphId) {
        String path = request.getPath();
        MutableHttpResponse<String> response = HttpResponse.<String>status(status)
                .header("Retry-After", retryAfter)
                .header("Cache-Control", "no-store");
        if (path.startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"errors\":[{\"field\":\"\",\"message\":\"" + vi + "\"}]}");
        }
        boolean english = path.equals("/en") || path.startsWith("/en/");
        return response.contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .body(html(TenantRequests.tenant(request).orElse(null), english, english ? en : vi, titles, paragraphId));
    }

    static String html(@Nullable Tenant tenant, boolean english, String text, String[] titles, String paragraphId) {
        String title = tenant == null ? titles[english ? 1 : 0] : escape(tenant.name(english ? "en" : "vi"));
        return "<!doctype html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1><p id=\"" + paragraphId + "\">" + text + "</p></main></body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
