package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import reactor.core.publisher.Mono;

/**
 * Any address no route answers gets the tenant's themed 404 page (a bare one on hosts without a tenant).
 * Micronaut also sends here every 404 that a route itself returns; staff pages (under /quan-tri) have
 * already answered with their own page, so for them this handler starts no second page pipeline
 * (database, cache, renderer) from inside error handling and answers with a fixed page.
 */
@Controller
class NotFoundController {

    private static final String STAFF_PREFIX = "/quan-tri";
    private static final byte[] STAFF_NOT_FOUND = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            + "<title>Không tìm thấy</title><link rel=\"stylesheet\" href=\"/quan-tri/tai-nguyen/admin.css\"></head>"
            + "<body><main id=\"noi-dung\" class=\"wrap narrow\"><h1>Không tìm thấy</h1>"
            + "<p class=\"alert alert-error\" role=\"alert\">Trang hoặc mục bạn tìm không có trong cổng này.</p>"
            + "<p><a href=\"/quan-tri\">Về trang quản trị</a></p></main></body></html>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final PublicPages pages;

    NotFoundController(PublicPages pages) {
        this.pages = pages;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    Mono<HttpResponse<?>> notFound(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals(STAFF_PREFIX) || path.startsWith(STAFF_PREFIX + "/")) {
            return Mono.just(HttpResponse.notFound(STAFF_NOT_FOUND)
                    .contentType(io.micronaut.http.MediaType.TEXT_HTML + ";charset=utf-8")
                    .header("Cache-Control", "no-store"));
        }
        return pages.notFound(request);
    }
}
