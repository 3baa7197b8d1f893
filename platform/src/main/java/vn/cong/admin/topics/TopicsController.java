package vn.cong.admin.topics;

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
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.content.classification.TopicNotFound;
import vn.cong.content.classification.TopicRejected;
import vn.cong.content.classification.Topics;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Chủ đề tin bài: the tenant's topic list the contribution report counts items by. The tenant admin or the head adds a
 * topic, renames it (Vietnamese, English), moves it up or down, retires it (no longer offered; items and reports keep
 * it) or brings it back, and deletes one no item has. Every change is in the audit log.
 */
@Controller(TopicsController.BASE)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 38, label = "Chủ đề tin bài", roles = {Role.TENANT_ADMIN, Role.HEAD})
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class TopicsController {

    static final String BASE = "/quan-tri/chu-de";
    private static final Map<String, String> NOTICES = Map.of(
            "them", "Đã thêm chủ đề.", "sua", "Đã lưu tên chủ đề.", "chuyen", "Đã đổi thứ tự.",
            "ngung", "Đã ngừng sử dụng chủ đề: chủ đề không còn được chọn cho tin bài mới; tin bài và báo cáo vẫn giữ chủ đề này.",
            "dung-lai", "Đã dùng lại chủ đề.", "xoa", "Đã xóa chủ đề.");

    private final Topics topics;
    private final AdminPages pages;

    TopicsController(Topics topics, AdminPages pages) {
        this.topics = topics;
        this.pages = pages;
    }

    /** A topic as typed: {@code id} blank for a new one. */
    @Serdeable
    record TopicForm(@Nullable String id, @Nullable String name, @Nullable String nameEn, @Nullable String csrfToken) implements CsrfForm {
    }

    static boolean mayManage(StaffAccount me) {
        return me.hasAnyRole(Role.TENANT_ADMIN, Role.HEAD);
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao,
                                           @Nullable @QueryValue String sua) {
        if (!mayManage(me)) {
            return forbidden(request);
        }
        return topics.listed(tenant).flatMap(list -> {
            TopicForm form = list.stream().filter(l -> String.valueOf(l.topic().id()).equals(sua)).findFirst()
                    .map(l -> new TopicForm(String.valueOf(l.topic().id()), l.topic().name(), l.topic().nameEn(), null))
                    .orElse(new TopicForm("", "", "", null));
            return page(request, tenant, HttpStatus.OK, form, Map.of(), thongbao == null ? null : NOTICES.get(thongbao), null);
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body TopicForm form) {
        if (!mayManage(me)) {
            return forbidden(request);
        }
        Long id = id(form.id());
        Mono<String> done = id == null ? topics.add(tenant, me.id(), form.name(), form.nameEn()).thenReturn("them")
                : topics.rename(tenant, me.id(), id, form.name(), form.nameEn()).thenReturn("sua");
        return done.map(notice -> seeOther(BASE + "?thongbao=" + notice))
                .onErrorResume(TopicRejected.class, e -> page(request, tenant, HttpStatus.BAD_REQUEST, form, e.problems(), null, null))
                .onErrorResume(TopicNotFound.class, e -> notFound(request, tenant));
    }

    @Post(value = "/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> act(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, String action,
                                          @Body TokenOnlyForm form) {
        if (!mayManage(me)) {
            return forbidden(request);
        }
        Mono<String> done = switch (action) {
            case "len" -> topics.move(tenant, me.id(), id, true).thenReturn("chuyen");
            case "xuong" -> topics.move(tenant, me.id(), id, false).thenReturn("chuyen");
            case "ngung" -> topics.retire(tenant, me.id(), id, true).thenReturn("ngung");
            case "dung-lai" -> topics.retire(tenant, me.id(), id, false).thenReturn("dung-lai");
            case "xoa" -> topics.delete(tenant, me.id(), id).thenReturn("xoa");
            default -> Mono.error(new TopicNotFound(id));
        };
        return done.map(notice -> seeOther(BASE + "?thongbao=" + notice))
                .onErrorResume(TopicRejected.class, e -> page(request, tenant, HttpStatus.CONFLICT, new TopicForm("", "", "", null), Map.of(),
                        null, e.getMessage()))
                .onErrorResume(TopicNotFound.class, e -> notFound(request, tenant));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, TopicForm form,
                                                   Map<String, String> errors, @Nullable String notice, @Nullable String alert) {
        return topics.listed(tenant).flatMap(list -> {
            Map<String, Object> model = new HashMap<>();
            model.put("topics", list);
            model.put("form", form);
            model.put("errors", errors);
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "topics/list", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request, Tenant tenant) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy chủ đề",
                "message", "Chủ đề không có trong danh sách của cổng này.", "linkHref", BASE, "linkText", "Về danh sách chủ đề"));
    }

    private Mono<MutableHttpResponse<String>> forbidden(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền",
                "message", "Danh sách chủ đề tin bài do quản trị cổng hoặc Trưởng ban biên tập quản lý.", "linkHref", "/quan-tri",
                "linkText", "Về bảng điều khiển"));
    }

    private static @Nullable Long id(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>seeOther(URI.create(location));
    }
}
