package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import reactor.core.publisher.Mono;
import vn.cong.content.PreviewLinks;
import vn.cong.tenancy.Tenant;

/**
 * A time-limited preview link (000 Đ10.2e): whoever holds it sees the item as readers will, without an account, until
 * it expires or is revoked; then the address answers 410. Never cached, never indexed (see {@link ItemPreviews}).
 */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class PreviewLinkController {

    private final PreviewLinks links;
    private final ItemPreviews previews;
    private final PublicPages pages;

    PreviewLinkController(PreviewLinks links, ItemPreviews previews, PublicPages pages) {
        this.links = links;
        this.previews = previews;
        this.pages = pages;
    }

    @Get("/xem-truoc/{token}")
    Mono<HttpResponse<?>> preview(HttpRequest<?> request, Tenant tenant, String token) {
        return links.item(tenant, token).flatMap(item -> item
                .map(id -> previews.item(tenant, id, null))
                .orElse(Mono.empty()))
                .switchIfEmpty(Mono.defer(() -> pages.fresh(request, "vi", ctx -> Mono.just(pages.errorView(ctx, 410)))))
                .map(response -> {
                    // the secret is in the address: it must not leak to another site through the Referer header
                    if (response instanceof io.micronaut.http.MutableHttpResponse<?> mutable) {
                        mutable.getHeaders().set("Referrer-Policy", "no-referrer");
                        mutable.getHeaders().set("X-Robots-Tag", "noindex, nofollow");
                    }
                    return response;
                });
    }
}
