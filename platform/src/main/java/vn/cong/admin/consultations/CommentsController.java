package vn.cong.admin.consultations;

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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.engagement.CommentModeration;
import vn.cong.engagement.PublicFormSettings;
import vn.cong.engagement.QuestionRefused;
import vn.cong.engagement.Units;
import vn.cong.reports.export.ReportExports;
import vn.cong.reports.export.ReportFormat;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;

import java.util.HashMap;
import java.util.Map;

/**
 * Comments on drafts for consultation in the staff area: every draft with its comments counted; on a draft, approve
 * or hide a comment with a reason, download the summary (DOCX, XLSX) once the window has closed, enter and publish the
 * drafting unit's response; and the tenant's two switches (confirm commenters' e-mail, show approved comments).
 * The authors' e-mail addresses are shown to the receiving desk only.
 */
@Controller("/quan-tri/gop-y-du-thao")
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 45, label = "Góp ý dự thảo")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class CommentsController {

    private static final String BASE = "/quan-tri/gop-y-du-thao";
    private static final Map<String, String> NOTICES = Map.of("duyet", "Đã duyệt góp ý.", "an", "Đã ẩn góp ý.",
            "tiep-thu", "Đã lưu ý kiến tiếp thu, giải trình.", "cai-dat", "Đã lưu cài đặt góp ý dự thảo.");

    private final CommentModeration moderation;
    private final ReportExports exports;
    private final PublicFormSettings settings;
    private final Units units;
    private final AdminPages pages;

    CommentsController(CommentModeration moderation, ReportExports exports, PublicFormSettings settings, Units units, AdminPages pages) {
        this.moderation = moderation;
        this.exports = exports;
        this.settings = settings;
        this.units = units;
        this.pages = pages;
    }

    /** Every form of the screen: which fields are used depends on the action. */
    @Serdeable
    record StepForm(@Nullable String reason, @Nullable String unit, @Nullable String text, @Nullable String publish,
                    @Nullable String confirm, @Nullable String show, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return moderation.drafts(tenant).zipWith(settings.of(tenant)).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("rows", t.getT1().stream().map(r -> {
                Map<String, Object> m = new HashMap<>();
                m.put("id", r.id());
                m.put("title", r.title());
                m.put("language", r.language());
                m.put("phase", r.phase().label("vi"));
                m.put("window", KindPages.time(r.opensAt()) + " – " + KindPages.time(r.closesAt()));
                m.put("pending", r.pending());
                m.put("approved", r.approved());
                m.put("hidden", r.hidden());
                return m;
            }).toList());
            model.put("settings", t.getT2());
            model.put("mayModerate", CommentModeration.mayModerate(actor(me)));
            if (thongbao != null && NOTICES.containsKey(thongbao)) {
                model.put("notice", NOTICES.get(thongbao));
            }
            return pages.page(request, "consultations/comments", model);
        });
    }

    @Post(value = "/cai-dat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveSettings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body StepForm form) {
        if (!CommentModeration.mayModerate(actor(me))) {
            return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền",
                    "message", "Chỉ biên tập viên, người duyệt, lãnh đạo ban biên tập và bộ phận tiếp nhận được đổi cài đặt góp ý.",
                    "linkHref", BASE, "linkText", "Về góp ý dự thảo"));
        }
        return settings.of(tenant).flatMap(s -> settings.save(tenant, s.withComments(form.confirm() != null, form.show() != null)))
                .thenReturn(KindPages.seeOther(BASE + "?thongbao=cai-dat"));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> detail(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return page(request, tenant, me, id, HttpStatus.OK, thongbao == null ? null : NOTICES.get(thongbao), null);
    }

    @Post(value = "/{id}/gop-y/{commentId}/duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> approve(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, long commentId, @Body StepForm form) {
        return onComment(request, tenant, me, id, commentId, moderation.approve(tenant, commentId, actor(me)), "duyet");
    }

    @Post(value = "/{id}/gop-y/{commentId}/an", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> hide(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, long commentId, @Body StepForm form) {
        return onComment(request, tenant, me, id, commentId, moderation.hide(tenant, commentId, form.reason() == null ? "" : form.reason(), actor(me)), "an");
    }

    @Post(value = "/{id}/tiep-thu", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> respond(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        Long unit;
        try {
            unit = form.unit() == null || form.unit().isBlank() ? null : Long.valueOf(form.unit());
        } catch (NumberFormatException e) {
            unit = null;
        }
        Mono<Void> work = moderation.respond(tenant, id, unit, form.text() == null ? "" : form.text(), form.publish() != null, actor(me));
        return moderation.detail(tenant, id, actor(me)).flatMap(found -> found.isEmpty() ? notFound(request)
                : refusedOr(request, tenant, me, id, work.thenReturn(KindPages.seeOther(BASE + "/" + id + "?thongbao=tiep-thu"))));
    }

    @Get("/{id}/tong-hop.{extension}")
    @Produces(MediaType.ALL)
    Mono<HttpResponse<?>> summary(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, String extension) {
        ReportFormat format = ReportFormat.fromExtension(extension).filter(f -> f != ReportFormat.PDF).orElse(null);
        if (format == null) {
            return notFound(request).map(r -> r);
        }
        if (!CommentModeration.mayModerate(actor(me))) {
            return page(request, tenant, me, id, HttpStatus.FORBIDDEN, null, "Bạn không có quyền tải bản tổng hợp góp ý.").map(r -> r);
        }
        // the draft must be this tenant's, and its window closed: the summary is of all the comments
        return moderation.detail(tenant, id, actor(me)).flatMap(found -> {
            if (found.isEmpty()) {
                return notFound(request).<HttpResponse<?>>map(r -> r);
            }
            if (found.get().draft().phase() != ConsultationPhase.CLOSED) {
                return page(request, tenant, me, id, HttpStatus.CONFLICT, null, "Bản tổng hợp chỉ có sau khi kết thúc thời gian lấy ý kiến.")
                        .<HttpResponse<?>>map(r -> r);
            }
            return exports.export(CommentSummary.of(found.get()), format, CommentSummary.name(found.get())).map(f -> f.download());
        });
    }

    private Mono<MutableHttpResponse<String>> onComment(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, long commentId,
                                                       Mono<Void> work, String notice) {
        // the comment must be this tenant's and on this draft before anything is tried: another tenant's id is "not found"
        return moderation.draftOf(tenant, commentId).flatMap(draft -> draft.isEmpty() || draft.get() != id ? notFound(request)
                : refusedOr(request, tenant, me, id, work.thenReturn(KindPages.seeOther(BASE + "/" + id + "?thongbao=" + notice))));
    }

    private Mono<MutableHttpResponse<String>> refusedOr(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                                        Mono<MutableHttpResponse<String>> done) {
        return done.onErrorResume(QuestionRefused.class, e -> page(request, tenant, me, id,
                e.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT, null, e.getMessage()));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                   @Nullable String notice, @Nullable String alert) {
        return moderation.detail(tenant, id, actor(me)).zipWith(units.all(tenant)).flatMap(t -> {
            if (t.getT1().isEmpty()) {
                return notFound(request);
            }
            CommentModeration.Detail d = t.getT1().get();
            Map<String, Object> model = new HashMap<>();
            model.put("d", d);
            model.put("draft", d.draft());
            model.put("phase", d.draft().phase().label("vi"));
            model.put("closed", d.draft().phase() == ConsultationPhase.CLOSED);
            model.put("window", KindPages.time(d.draft().opensAt()) + " – " + KindPages.time(d.draft().closesAt()));
            model.put("comments", d.comments().stream().map(c -> {
                Map<String, Object> m = new HashMap<>();
                m.put("id", c.id());
                m.put("name", c.name());
                m.put("email", c.email());
                m.put("organisation", c.organisation());
                m.put("body", c.body());
                m.put("status", c.status().label());
                m.put("approved", c.status() == vn.cong.engagement.CommentStatus.APPROVED);
                m.put("hidden", c.status() == vn.cong.engagement.CommentStatus.HIDDEN);
                m.put("reason", c.hiddenReason());
                m.put("submitted", KindPages.time(c.submittedAt()));
                return m;
            }).toList());
            model.put("unitChoices", t.getT2());
            model.put("responsePublished", d.responsePublishedAt() != null);
            model.put("mayModerate", CommentModeration.mayModerate(actor(me)));
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "consultations/comment-detail", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy dự thảo",
                "message", "Dự thảo hoặc góp ý này không có trong cổng.", "linkHref", BASE, "linkText", "Về góp ý dự thảo"));
    }

    private static Actor actor(StaffAccount me) {
        return new Actor(me.id(), me.displayName(), me.roles());
    }
}
