package vn.cong.admin.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.site.ItemPreviews;
import vn.cong.tenancy.Tenant;

import java.util.Map;

/**
 * What readers will see: an item at any stage of the workflow as its public page, in the tenant's theme, in
 * Vietnamese or English ({@code ?ngonngu=en}). For the tenant's staff only; never cached, never indexed.
 */
@Controller("/quan-tri/quy-trinh/{id}/xem-truoc")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ItemPreviewController {

    private final ItemPreviews previews;
    private final AdminPages pages;

    ItemPreviewController(ItemPreviews previews, AdminPages pages) {
        this.previews = previews;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<HttpResponse<?>> preview(HttpRequest<?> request, Tenant tenant, long id, @Nullable @QueryValue String ngonngu) {
        return previews.item(tenant, id, ngonngu)
                .switchIfEmpty(Mono.defer(() -> pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy tin bài",
                        "message", "Tin bài không tồn tại trong cổng này.", "linkHref", "/quan-tri/quy-trinh", "linkText",
                        "Về danh sách việc cần xử lý"))));
    }
}
