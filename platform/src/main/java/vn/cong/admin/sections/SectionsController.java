package vn.cong.admin.sections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.DraftRejected;
import vn.cong.content.sections.SectionNotFound;
import vn.cong.content.sections.Sections;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tenant's sections (content structure), managed by its administrators: changes go live at once and
 * are audited. The menu's order and what it shows belong to the portal's look (theme versions the head
 * approves, {@code /quan-tri/giao-dien}); here is what exists.
 */
@Controller(SectionsController.PATH)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 5, label = "Chuyên mục", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class SectionsController {

    static final String PATH = "/quan-tri/chuyen-muc";
    private static final Map<String, String> NOTICES = Map.of(
            "them", "Đã thêm chuyên mục; chuyên mục có hiệu lực ngay trên cổng.",
            "sua", "Đã lưu chuyên mục.",
            "thu-tu", "Đã đổi thứ tự chuyên mục.",
            "an", "Đã ẩn chuyên mục khỏi cổng.",
            "hien", "Chuyên mục đã hiện lại trên cổng.",
            "luu-tru", "Đã lưu trữ chuyên mục: chuyên mục không còn hiện trên cổng, các tin, bài vẫn giữ địa chỉ.",
            "khoi-phuc", "Đã khôi phục chuyên mục.",
            "xoa", "Đã xoá chuyên mục.");

    private final Sections sections;
    private final AdminPages pages;

    SectionsController(Sections sections, AdminPages pages) {
        this.sections = sections;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao,
                                           @Nullable @QueryValue Long muc, @Nullable @QueryValue String nut) {
        return listPage(request, tenant, HttpStatus.OK, SectionForm.blank(), Map.of(), thongbao == null ? null : NOTICES.get(thongbao), null,
                "thu-tu".equals(thongbao) ? muc : null, nut);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> add(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body SectionForm form) {
        return sections.add(tenant, me.id(), form.fields())
                .thenReturn(KindPages.seeOther(PATH + "?thongbao=them"))
                .onErrorResume(DraftRejected.class, e -> listPage(request, tenant, HttpStatus.BAD_REQUEST, form, e.problems(), null, null, null, null));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, long id) {
        return sections.tree(tenant).flatMap(tree -> tree.stream().filter(s -> s.id() == id).findFirst()
                .map(s -> editPage(request, tree, s, HttpStatus.OK, SectionForm.of(s), Map.of()))
                .orElseGet(() -> notFound(request)));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body SectionForm form) {
        return sections.update(tenant, me.id(), id, form.fields())
                .thenReturn(KindPages.seeOther(PATH + "?thongbao=sua"))
                .onErrorResume(DraftRejected.class, e -> sections.tree(tenant).flatMap(tree -> tree.stream().filter(s -> s.id() == id).findFirst()
                        .map(s -> editPage(request, tree, s, HttpStatus.BAD_REQUEST, form, e.problems()))
                        .orElseGet(() -> notFound(request))))
                .onErrorResume(SectionNotFound.class, e -> notFound(request));
    }

    /** One step up; the list comes back with the focus on the moved row's button and its new place told. */
    @Post(value = "/{id}/len", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> up(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "thu-tu&muc=" + id + "&nut=len", sections.reorder(tenant, me.id(), id, -1));
    }

    @Post(value = "/{id}/xuong", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> down(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "thu-tu&muc=" + id + "&nut=xuong", sections.reorder(tenant, me.id(), id, +1));
    }

    /** A list reordered by dragging (ordering.js): the siblings' new order at once. */
    @Post(value = "/thu-tu", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> arrange(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body SectionOrderForm form) {
        Long moved = form.movedId();
        return act(request, tenant, "thu-tu" + (moved == null ? "" : "&muc=" + moved), sections.arrange(tenant, me.id(), form.ids()));
    }

    @Post(value = "/{id}/an", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> hide(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "an", sections.setVisible(tenant, me.id(), id, false));
    }

    @Post(value = "/{id}/hien", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "hien", sections.setVisible(tenant, me.id(), id, true));
    }

    @Post(value = "/{id}/luu-tru", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> archive(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "luu-tru", sections.archive(tenant, me.id(), id));
    }

    @Post(value = "/{id}/khoi-phuc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> restore(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "khoi-phuc", sections.restore(tenant, me.id(), id));
    }

    @Post(value = "/{id}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> delete(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, "xoa", sections.delete(tenant, me.id(), id));
    }

    private Mono<MutableHttpResponse<String>> act(HttpRequest<?> request, Tenant tenant, String notice, Mono<Void> action) {
        return action.thenReturn(KindPages.seeOther(PATH + "?thongbao=" + notice))
                .onErrorResume(DraftRejected.class, e -> listPage(request, tenant, HttpStatus.BAD_REQUEST, SectionForm.blank(), Map.of(), null,
                        String.join(" ", e.problems().values()), null, null))
                .onErrorResume(SectionNotFound.class, e -> notFound(request));
    }

    private Mono<MutableHttpResponse<String>> listPage(HttpRequest<?> request, Tenant tenant, HttpStatus status, SectionForm form,
                                                      Map<String, String> errors, @Nullable String notice, @Nullable String alert,
                                                      @Nullable Long moved, @Nullable String button) {
        return sections.tree(tenant).flatMap(tree -> {
            Map<String, Object> model = new HashMap<>();
            SectionMove.of(tree, moved, button).ifPresent(move -> {
                model.put("focusButton", move.focusButton());
                model.put("notice", move.notice());
            });
            model.put("sections", tree);
            model.put("parents", parents(tree, null));
            model.put("form", form);
            model.put("errors", errors);
            model.put("siblingEnds", siblingEnds(tree));
            if (notice != null) {
                model.putIfAbsent("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "sections/list", model);
        });
    }

    private Mono<MutableHttpResponse<String>> editPage(HttpRequest<?> request, List<Sections.Section> tree, Sections.Section section,
                                                      HttpStatus status, SectionForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", section);
        model.put("parents", parents(tree, section));
        model.put("form", form);
        model.put("errors", errors);
        return pages.page(request, status, "sections/edit", model);
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy chuyên mục",
                "message", "Chuyên mục này không có trên cổng (có thể đã bị xoá)."));
    }

    /** The sections {@code moving} may be placed under: not archived, not itself or below it. */
    private static List<Sections.Section> parents(List<Sections.Section> tree, @Nullable Sections.Section moving) {
        java.util.Set<Long> excluded = new java.util.HashSet<>();
        if (moving != null) {
            excluded.add(moving.id());
            for (Sections.Section s : tree) {           // tree order: a parent comes before its children
                if (s.parentId() != null && excluded.contains(s.parentId())) {
                    excluded.add(s.id());
                }
            }
        }
        java.util.Set<Long> archived = new java.util.HashSet<>();
        for (Sections.Section s : tree) {
            if (s.archived() || (s.parentId() != null && archived.contains(s.parentId()))) {
                archived.add(s.id());
            }
        }
        return tree.stream().filter(s -> !excluded.contains(s.id()) && !archived.contains(s.id())).toList();
    }

    /** For each section: whether it is the first / last of its live siblings (no "up" / "down" button then). */
    private static Map<Long, String> siblingEnds(List<Sections.Section> tree) {
        Map<Object, List<Sections.Section>> bySibling = new HashMap<>();
        for (Sections.Section s : tree) {
            if (!s.archived()) {
                bySibling.computeIfAbsent(s.parentId() == null ? "top" : s.parentId(), k -> new java.util.ArrayList<>()).add(s);
            }
        }
        Map<Long, String> ends = new HashMap<>();
        Function<List<Sections.Section>, Void> mark = list -> {
            for (int i = 0; i < list.size(); i++) {
                ends.put(list.get(i).id(), (i == 0 ? "first" : "") + (i == list.size() - 1 ? " last" : ""));
            }
            return null;
        };
        bySibling.values().forEach(mark::apply);
        return ends;
    }
}
