package vn.cong.admin.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.DraftRejected;
import vn.cong.content.PreviewLinks;
import vn.cong.site.ItemPreviews;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;
import vn.cong.workflow.WorkflowCatalog;

import java.util.HashMap;
import java.util.Map;

/**
 * What readers will see: an item at any stage of the workflow as its public page, in the tenant's theme, in
 * Vietnamese or English ({@code ?ngonngu=en}), for the tenant's staff only, never cached or indexed; and the
 * time-limited links that show it to a leader without an account (000 Đ10.2e), made and revoked by editor roles.
 */
@Controller("/quan-tri/quy-trinh/{id}/xem-truoc")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ItemPreviewController {

    private static final Role[] LINK_MAKERS = {Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD, Role.TENANT_ADMIN};

    private final ItemPreviews previews;
    private final PreviewLinks links;
    private final WorkflowCatalog catalog;
    private final PublicLinks publicLinks;
    private final AdminPages pages;

    ItemPreviewController(ItemPreviews previews, PreviewLinks links, WorkflowCatalog catalog, PublicLinks publicLinks, AdminPages pages) {
        this.previews = previews;
        this.links = links;
        this.catalog = catalog;
        this.publicLinks = publicLinks;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<HttpResponse<?>> preview(HttpRequest<?> request, Tenant tenant, long id, @Nullable @QueryValue String ngonngu) {
        return previews.item(tenant, id, ngonngu).switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Get(value = "/lien-ket", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> linksPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id) {
        return linksPage(request, tenant, me, id, HttpStatus.OK, PreviewLinkForm.blank(), Map.of(), null, null);
    }

    @Post(value = "/lien-ket", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body PreviewLinkForm form) {
        if (!me.hasAnyRole(LINK_MAKERS)) {
            return linksPage(request, tenant, me, id, HttpStatus.FORBIDDEN, form, Map.of(), null,
                    "Chỉ biên tập viên, người duyệt, lãnh đạo ban biên tập hoặc quản trị cổng được tạo liên kết xem trước.");
        }
        Integer days = form.dayCount();
        if (days == null) {
            return linksPage(request, tenant, me, id, HttpStatus.BAD_REQUEST, form, Map.of("days", "Hãy nhập số ngày, từ 1 đến "
                    + PreviewLinks.MAX_DAYS + "."), null, null);
        }
        return links.create(tenant, id, days, form.note(), me.id())
                .flatMap(issued -> linksPage(request, tenant, me, id, HttpStatus.OK, PreviewLinkForm.blank(), Map.of(),
                        publicLinks.tenant(tenant, "/xem-truoc/" + issued.token()), null))
                .onErrorResume(DraftRejected.class, e -> linksPage(request, tenant, me, id, HttpStatus.BAD_REQUEST, form, e.problems(), null, null));
    }

    @Post(value = "/lien-ket/{linkId}/thu-hoi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> revoke(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, long linkId,
                                             @Body TokenOnlyForm form) {
        if (!me.hasAnyRole(LINK_MAKERS)) {
            return linksPage(request, tenant, me, id, HttpStatus.FORBIDDEN, PreviewLinkForm.blank(), Map.of(), null,
                    "Chỉ biên tập viên, người duyệt, lãnh đạo ban biên tập hoặc quản trị cổng được thu hồi liên kết xem trước.");
        }
        return links.revoke(tenant, id, linkId, me.id())
                .map(done -> KindPages.seeOther("/quan-tri/quy-trinh/" + id + "/xem-truoc/lien-ket"));
    }

    private Mono<MutableHttpResponse<String>> linksPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                       PreviewLinkForm form, Map<String, String> errors, @Nullable String issued,
                                                       @Nullable String alert) {
        return catalog.item(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : links.of(tenant, id).flatMap(lines -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("item", found.get().item());
                    model.put("links", lines.stream().map(l -> Map.of("id", l.id(), "note", l.note(),
                            "createdBy", l.createdBy() == null ? "" : l.createdBy(), "created", KindPages.time(l.createdAt()),
                            "expires", KindPages.time(l.expiresAt()), "active", l.active())).toList());
                    model.put("form", form);
                    model.put("errors", errors);
                    model.put("maxDays", PreviewLinks.MAX_DAYS);
                    model.put("mayMake", me.hasAnyRole(LINK_MAKERS));
                    if (issued != null) {
                        model.put("issued", issued);
                    }
                    if (alert != null) {
                        model.put("alert", alert);
                    }
                    return pages.page(request, status, "workflow/preview-links", model);
                }));
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy tin bài",
                "message", "Tin bài không tồn tại trong cổng này.", "linkHref", "/quan-tri/quy-trinh", "linkText",
                "Về danh sách việc cần xử lý"));
    }
}
