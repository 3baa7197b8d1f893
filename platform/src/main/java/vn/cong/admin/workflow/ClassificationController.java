package vn.cong.admin.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.content.ContentNotFound;
import vn.cong.content.classification.Classification;
import vn.cong.content.classification.ClassificationRejected;
import vn.cong.content.classification.Classifications;
import vn.cong.content.classification.Genre;
import vn.cong.content.classification.ItemOrigin;
import vn.cong.content.classification.Topics;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.WorkflowCatalog;

import java.util.HashMap;
import java.util.Map;

/**
 * An item's classification for the contribution report (Phân loại): where it came from, its topic, its genre. The
 * board (editors, approvers, heads) and the tenant admin set it; everyone on the staff sees it.
 */
@Controller(WorkflowController.BASE)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ClassificationController {

    private final WorkflowCatalog catalog;
    private final Classifications classifications;
    private final Topics topics;
    private final AdminPages pages;

    ClassificationController(WorkflowCatalog catalog, Classifications classifications, Topics topics, AdminPages pages) {
        this.catalog = catalog;
        this.classifications = classifications;
        this.topics = topics;
        this.pages = pages;
    }

    @Serdeable
    record ClassificationForm(@Nullable String origin, @Nullable String topic, @Nullable String genre, @Nullable String csrfToken)
            implements CsrfForm {

        static ClassificationForm of(Classification k) {
            return new ClassificationForm(k.origin() == null ? "" : k.origin(), k.topicId() == null ? "" : k.topicId().toString(),
                    k.genre() == null ? "" : k.genre(), null);
        }

        @Nullable Long topicId() {
            try {
                return topic == null || topic.isBlank() ? null : Long.valueOf(topic.strip());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }
    }

    static boolean mayClassify(StaffAccount me) {
        return me.hasAnyRole(Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD, Role.TENANT_ADMIN);
    }

    @Get(value = "/{id}/phan-loai", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id) {
        return classifications.of(tenant, id)
                .flatMap(k -> page(request, tenant, me, id, HttpStatus.OK, ClassificationForm.of(k), Map.of(), null))
                .onErrorResume(ContentNotFound.class, e -> notFound(request));
    }

    @Post(value = "/{id}/phan-loai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body ClassificationForm form) {
        if (!mayClassify(me)) {
            return page(request, tenant, me, id, HttpStatus.FORBIDDEN, form, Map.of(),
                    "Chỉ ban biên tập và quản trị cổng được phân loại tin bài.");
        }
        return classifications.set(tenant, id, me.id(), new Classification(form.origin(), form.topicId(), form.genre()))
                .map(k -> WorkflowController.seeOther(WorkflowController.BASE + "/" + id + "?thongbao=phan-loai"))
                .onErrorResume(ClassificationRejected.class, e -> page(request, tenant, me, id, HttpStatus.BAD_REQUEST, form, e.problems(), null))
                .onErrorResume(ContentNotFound.class, e -> notFound(request));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                   ClassificationForm form, Map<String, String> errors, @Nullable String alert) {
        return catalog.item(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : topics.all(tenant).flatMap(list -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("item", found.get().item());
                    model.put("form", form);
                    model.put("errors", errors);
                    model.put("topics", list.stream().filter(k -> !k.retired() || String.valueOf(k.id()).equals(form.topic())).toList());
                    model.put("origins", ItemOrigin.values());
                    model.put("genres", Genre.values());
                    model.put("canChange", mayClassify(me));
                    if (alert != null) {
                        model.put("alert", alert);
                    }
                    return pages.page(request, status, "workflow/classify", model);
                }));
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy tin bài",
                "message", "Tin bài không tồn tại trong cổng này.", "linkHref", WorkflowController.BASE, "linkText", "Về danh sách việc cần xử lý"));
    }
}
