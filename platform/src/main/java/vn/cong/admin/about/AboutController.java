package vn.cong.admin.about;

import vn.cong.admin.StaffMenu;
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
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.about.AboutForms.LeaderForm;
import vn.cong.admin.about.AboutForms.PhoneForm;
import vn.cong.admin.about.AboutForms.TextPageForm;
import vn.cong.admin.about.AboutForms.UnitForm;
import vn.cong.content.kinds.KindForms;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.KindPublishing;
import vn.cong.content.kinds.Option;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.DraftRejected;
import vn.cong.content.EditConflict;
import vn.cong.content.about.AboutEntries;
import vn.cong.content.about.AboutPages.AboutList;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The about pages in the staff area: the four text pages in each language (drafted by any staff
 * member, published by publishers), and the leadership, organisation chart and phone directory,
 * which publishers and tenant administrators keep (they go online as saved).
 */
@Controller("/quan-tri/gioi-thieu")
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 50, label = "Giới thiệu")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class AboutController {

    private static final String BASE = "/quan-tri/gioi-thieu";
    private static final Map<String, String> NOTICES = Map.of("luu", "Đã lưu.", "dang", "Đã đăng trang lên cổng.", "xoa", "Đã xoá.");
    private static final String LIST_REFUSED = "Chỉ biên tập viên, lãnh đạo ban biên tập hoặc quản trị cổng được thay đổi thông tin giới thiệu.";

    private final AboutPages about;
    private final KindPublishing publishing;
    private final KindPages pages;

    AboutController(AboutPages about, KindPublishing publishing, KindPages pages) {
        this.about = about;
        this.publishing = publishing;
        this.pages = pages;
    }

    /** A line of the text pages' table. */
    record PageRow(String label, String language, String state, String editUrl, String publicUrl, boolean published) {
    }

    /** What the overview's three list forms hold: as typed after an error, or the entry being edited. */
    record Forms(LeaderForm leader, UnitForm unit, PhoneForm phone, Map<String, String> leaderErrors,
                 Map<String, String> unitErrors, Map<String, String> phoneErrors) {

        static Forms blank() {
            return new Forms(LeaderForm.empty(), UnitForm.empty(), PhoneForm.empty(), Map.of(), Map.of(), Map.of());
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> overview(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao,
                                               @Nullable @QueryValue("sua-lanh-dao") Long leader, @Nullable @QueryValue("sua-don-vi") Long unit,
                                               @Nullable @QueryValue("sua-danh-ba") Long phone) {
        return Mono.zip(about.leaders(tenant), about.units(tenant), about.phones(tenant)).flatMap(t -> {
            Forms forms = new Forms(
                    find(t.getT1(), AboutEntries.Leader::id, leader).map(LeaderForm::of).orElse(LeaderForm.empty()),
                    find(t.getT2(), AboutEntries.Unit::id, unit).map(UnitForm::of).orElse(UnitForm.empty()),
                    find(t.getT3(), AboutEntries.Phone::id, phone).map(PhoneForm::of).orElse(PhoneForm.empty()),
                    Map.of(), Map.of(), Map.of());
            return overviewPage(request, tenant, me, HttpStatus.OK, forms, thongbao == null ? null : NOTICES.get(thongbao), null);
        });
    }

    @Get(value = "/trang/{role}/{lang}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> textForm(HttpRequest<?> request, Tenant tenant, StaffAccount me, String role, String lang,
                                               @Nullable @QueryValue String thongbao) {
        Optional<StandingRole> r = role(role, lang);
        if (r.isEmpty()) {
            return pages.notFound(request, AboutPages.KIND);
        }
        return about.page(tenant, r.get(), lang).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(p -> textPage(request, tenant, me, HttpStatus.OK, r.get(), lang, p.orElse(null),
                        p.map(x -> new TextPageForm(x.title(), x.bodyHtml(), String.valueOf(x.version()), null))
                                .orElse(new TextPageForm(r.get().label(lang), "", "0", null)),
                        Map.of(), thongbao == null ? null : NOTICES.get(thongbao), null));
    }

    @Post(value = "/trang/{role}/{lang}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveText(HttpRequest<?> request, Tenant tenant, StaffAccount me, String role, String lang,
                                               @Body TextPageForm form) {
        Optional<StandingRole> r = role(role, lang);
        if (r.isEmpty()) {
            return pages.notFound(request, AboutPages.KIND);
        }
        String self = BASE + "/trang/" + role + "/" + lang;
        return about.page(tenant, r.get(), lang).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(p -> {
            if (p.isPresent() && !StaffKinds.mayChange(me, p.get().state())) {
                return textPage(request, tenant, me, HttpStatus.FORBIDDEN, r.get(), lang, p.get(), form, Map.of(), null,
                        StaffKinds.refusal(p.get().state(), KindPages.PUBLISHED_EDIT_REFUSED));
            }
            return about.saveText(tenant, r.get(), lang, KindForms.orEmpty(form.title()), KindForms.orEmpty(form.body()),
                            KindForms.version(form.version()), me.id())
                    .map(saved -> KindPages.seeOther(self + "?thongbao=luu"))
                    .onErrorResume(DraftRejected.class, e -> textPage(request, tenant, me, HttpStatus.BAD_REQUEST, r.get(), lang, p.orElse(null),
                            form, e.problems(), null, null))
                    .onErrorResume(EditConflict.class, e -> textPage(request, tenant, me, HttpStatus.CONFLICT, r.get(), lang, p.orElse(null),
                            new TextPageForm(form.title(), form.body(), String.valueOf(e.currentVersion()), null), Map.of(), null,
                            KindPages.conflict(e.currentVersion())));
        });
    }

    @Post(value = "/trang/{role}/{lang}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publishText(HttpRequest<?> request, Tenant tenant, StaffAccount me, String role, String lang,
                                                  @Body TokenOnlyForm form) {
        Optional<StandingRole> r = role(role, lang);
        if (r.isEmpty()) {
            return pages.notFound(request, AboutPages.KIND);
        }
        return about.page(tenant, r.get(), lang).flatMap(p -> me.hasAnyRole(StaffKinds.PUBLISHERS)
                        ? publishing.publish(tenant, p.id(), me).map(saved -> KindPages.seeOther(BASE + "/trang/" + role + "/" + lang + "?thongbao=dang"))
                        .onErrorResume(e -> e instanceof WorkflowRefused || e instanceof WorkflowConflict,
                                e -> textPage(request, tenant, me, HttpStatus.CONFLICT, r.get(), lang, p,
                                        new TextPageForm(p.title(), p.bodyHtml(), String.valueOf(p.version()), null), Map.of(), null, e.getMessage()))
                        : textPage(request, tenant, me, HttpStatus.FORBIDDEN, r.get(), lang, p,
                        new TextPageForm(p.title(), p.bodyHtml(), String.valueOf(p.version()), null), Map.of(), null, KindPages.PUBLISH_REFUSED_ROLE))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, AboutPages.KIND)));
    }

    @Post(value = "/lanh-dao", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveLeader(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body LeaderForm form) {
        Forms typed = new Forms(form, UnitForm.empty(), PhoneForm.empty(), Map.of(), Map.of(), Map.of());
        return listChange(request, tenant, me, typed, about.saveLeader(tenant, form.entry()),
                e -> new Forms(form, UnitForm.empty(), PhoneForm.empty(), e, Map.of(), Map.of()));
    }

    @Post(value = "/don-vi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveUnit(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body UnitForm form) {
        Forms typed = new Forms(LeaderForm.empty(), form, PhoneForm.empty(), Map.of(), Map.of(), Map.of());
        return listChange(request, tenant, me, typed, about.saveUnit(tenant, form.entry()),
                e -> new Forms(LeaderForm.empty(), form, PhoneForm.empty(), Map.of(), e, Map.of()));
    }

    @Post(value = "/danh-ba", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> savePhone(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body PhoneForm form) {
        Forms typed = new Forms(LeaderForm.empty(), UnitForm.empty(), form, Map.of(), Map.of(), Map.of());
        return listChange(request, tenant, me, typed, about.savePhone(tenant, form.entry()),
                e -> new Forms(LeaderForm.empty(), UnitForm.empty(), form, Map.of(), Map.of(), e));
    }

    @Post(value = "/{list}/{id}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> remove(HttpRequest<?> request, Tenant tenant, StaffAccount me, String list, long id,
                                             @Body TokenOnlyForm form) {
        AboutList which = switch (list) {
            case "lanh-dao" -> AboutList.LEADERS;
            case "don-vi" -> AboutList.UNITS;
            case "danh-ba" -> AboutList.PHONES;
            default -> null;
        };
        if (which == null) {
            return pages.notFound(request, AboutPages.KIND);
        }
        if (!mayKeepLists(me)) {
            return overviewPage(request, tenant, me, HttpStatus.FORBIDDEN, Forms.blank(), null, LIST_REFUSED);
        }
        return about.remove(tenant, which, id).flatMap(done -> done
                ? Mono.just(KindPages.seeOther(BASE + "?thongbao=xoa"))
                : pages.notFound(request, AboutPages.KIND));
    }

    private Mono<MutableHttpResponse<String>> listChange(HttpRequest<?> request, Tenant tenant, StaffAccount me, Forms typed, Mono<Void> change,
                                                         java.util.function.Function<Map<String, String>, Forms> withErrors) {
        if (!mayKeepLists(me)) {
            return overviewPage(request, tenant, me, HttpStatus.FORBIDDEN, typed, null, LIST_REFUSED);
        }
        return change.thenReturn(KindPages.seeOther(BASE + "?thongbao=luu"))
                .onErrorResume(DraftRejected.class, e -> e.problems().containsKey("id")
                        ? pages.notFound(request, AboutPages.KIND)
                        : overviewPage(request, tenant, me, HttpStatus.BAD_REQUEST, withErrors.apply(e.problems()), null, null));
    }

    /** The lists go online as they are saved, so only those who may publish keep them. */
    private static boolean mayKeepLists(StaffAccount me) {
        return me.isTenantAdmin() || me.hasAnyRole(StaffKinds.PUBLISHERS);
    }

    private static Optional<StandingRole> role(String role, String lang) {
        return "vi".equals(lang) || "en".equals(lang) ? StandingRole.ofDb(role) : Optional.empty();
    }

    private static <T> Optional<T> find(List<T> entries, java.util.function.Function<T, Long> id, @Nullable Long wanted) {
        return wanted == null ? Optional.empty() : entries.stream().filter(e -> wanted.equals(id.apply(e))).findFirst();
    }

    private Mono<MutableHttpResponse<String>> overviewPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                           Forms forms, @Nullable String notice, @Nullable String alert) {
        List<Mono<PageRow>> rows = new ArrayList<>();
        for (StandingRole role : StandingRole.values()) {
            for (String lang : List.of("vi", "en")) {
                rows.add(about.page(tenant, role, lang)
                        .map(p -> row(role, lang, StaffKinds.stateLabel(p.state()), "published".equals(p.state())))
                        .defaultIfEmpty(row(role, lang, "Chưa có", false)));
            }
        }
        return Mono.zip(reactor.core.publisher.Flux.concat(rows).collectList(), about.leaders(tenant), about.units(tenant), about.phones(tenant))
                .flatMap(t -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("textPages", t.getT1());
                    model.put("leaders", t.getT2());
                    Map<Long, String> unitNames = new HashMap<>();
                    t.getT3().forEach(u -> unitNames.put(u.id(), u.name()));
                    model.put("units", t.getT3().stream().map(u -> Map.of("id", u.id(), "name", u.name(),
                            "parent", u.parentId() == null ? "" : unitNames.getOrDefault(u.parentId(), ""), "position", u.position())).toList());
                    model.put("unitChoices", t.getT3().stream().map(u -> new Option(String.valueOf(u.id()), u.name())).toList());
                    model.put("phones", t.getT4());
                    model.put("forms", forms);
                    model.put("errors", Map.of());
                    model.put("canKeepLists", mayKeepLists(me));
                    if (notice != null) {
                        model.put("notice", notice);
                    }
                    if (alert != null) {
                        model.put("alert", alert);
                    }
                    return pages.page(request, status, "about/overview", model);
                });
    }

    private static PageRow row(StandingRole role, String lang, String state, boolean published) {
        return new PageRow(role.label("vi"), "en".equals(lang) ? "Tiếng Anh" : "Tiếng Việt", state, BASE + "/trang/" + role.db() + "/" + lang,
                ("en".equals(lang) ? "/en" : "") + "/gioi-thieu" + (role.path().isEmpty() ? "" : "/" + role.path()), published);
    }

    private Mono<MutableHttpResponse<String>> textPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status, StandingRole role,
                                                       String lang, @Nullable AboutPages.TextPage page, TextPageForm form,
                                                       Map<String, String> errors, @Nullable String notice, @Nullable String alert) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("roleLabel", role.label("vi"));
        model.put("languageLabel", "en".equals(lang) ? "tiếng Anh" : "tiếng Việt");
        model.put("action", BASE + "/trang/" + role.db() + "/" + lang);
        model.put("exists", page != null);
        model.put("published", page != null && "published".equals(page.state()));
        model.put("state", page == null ? "Chưa có" : StaffKinds.stateLabel(page.state()));
        model.put("publicUrl", row(role, lang, "", false).publicUrl());
        model.put("attachmentsUrl", page == null ? "" : "/quan-tri/noi-dung/" + page.id() + "/tep-dinh-kem");
        model.put("workflowUrl", page == null ? "" : StaffKinds.workflowUrl(page.id()));
        model.put("canPublish", me.hasAnyRole(StaffKinds.PUBLISHERS));
        if (page != null && !StaffKinds.mayChange(me, page.state())) {
            model.put("locked", StaffKinds.refusal(page.state(), KindPages.PUBLISHED_EDIT_REFUSED));
        }
        if (notice != null) {
            model.put("notice", notice);
        }
        if (alert != null) {
            model.put("alert", alert);
        }
        return pages.page(request, status, "about/text", model);
    }
}
