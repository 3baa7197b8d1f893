package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import reactor.core.publisher.Mono;

/** Any address no route answers gets the tenant's themed 404 page (a bare one on hosts without a tenant). */
@Controller
class NotFoundController {

    private final PublicPages pages;

    NotFoundController(PublicPages pages) {
        this.pages = pages;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    Mono<HttpResponse<?>> notFound(HttpRequest<?> request) {
        return pages.notFound(request);
    }
}
