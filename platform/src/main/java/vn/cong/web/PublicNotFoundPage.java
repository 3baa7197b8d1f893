package vn.cong.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import reactor.core.publisher.Mono;

/** The public site's 404 page (the tenant's themed one), which {@link NotFoundPages} gives outside the staff area. */
public interface PublicNotFoundPage {

    Mono<HttpResponse<?>> notFound(HttpRequest<?> request);
}
