package vn.cong.admin.workflow;

import vn.cong.admin.StaffMenu;
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
import vn.cong.accounts.AccountAdministration;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.ContentCatalog;
import vn.cong.content.ContentNotFound;
import vn.cong.content.DraftRejected;
import vn.cong.content.EditConflict;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;
import vn.cong.workflow.CorrectItem;
import vn.cong.workflow.DeadlineBoard;
import vn.cong.engagement.QuestionDesk;
import vn.cong.admin.kinds.KindPages;
import vn.cong.workflow.InformationType;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.SubmissionRejected;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.WorkflowCatalog;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;
import vn.cong.workflow.WorkflowSteps;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;

/**
 * The editorial workflow in the staff area, for items of any kind: the item page (state, deadlines,
 * history, the steps this person may take), the submission form, and each step as a POST. A step
 * refused, in conflict or incomplete shows the page again with the reason and what was typed.
 */
@Controller(WorkflowController.BASE)
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 10, label = "Quy trình duyệt")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class WorkflowController {

    static final String BASE = "/quan-tri/quy-trinh";
    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("gui", "Đã gửi tin bài vào quy trình duyệt."),
            Map.entry("nhan", "Đã nhận biên tập."),
            Map.entry("trinh", "Đã trình duyệt."),
            Map.entry("duyet", "Đã duyệt."),
            Map.entry("tra-lai", "Đã trả lại kèm ý kiến."),
            Map.entry("tu-choi", "Đã từ chối đăng, lý do được ghi lại."),
            Map.entry("xin-y-kien", "Đã ghi đề nghị xin ý kiến lãnh đạo."),
            Map.entry("ghi-y-kien", "Đã ghi nhận ý kiến lãnh đạo."),
            Map.entry("de-nghi-tham-dinh", "Đã ghi đề nghị thẩm định chuyên môn."),
            Map.entry("ghi-tham-dinh", "Đã ghi nhận kết quả thẩm định."),
            Map.entry("dang", "Đã đăng hoặc hẹn giờ đăng."),
            Map.entry("go-bo", "Đã gỡ bỏ tin bài khỏi cổng."),
            Map.entry("go-bo-theo-can-cu-phap-ly", "Đã gỡ bỏ tin bài theo căn cứ pháp lý; việc gỡ được ghi ở trang Lưu trữ."),
            Map.entry("luu-tru", "Đã đưa tin bài vào lưu trữ."),
            Map.entry("dinh-chinh", "Đã đính chính; ghi chú đính chính hiện trên trang công khai."),
            Map.entry("phan-loai", "Đã lưu phân loại tin bài."));

    private final WorkflowCatalog catalog;
    private final ContentCatalog content;
    private final AccountAdministration accounts;
    private final AdminPages pages;
    private final SubmitItem submit;
    private final WorkflowSteps steps;
    private final CorrectItem correct;
    private final DeadlineBoard board;
    private final QuestionDesk questions;
    private final vn.cong.engagement.PetitionDesk petitions;
    private final StaffKinds kinds;
    private final Clock clock;
    private final vn.cong.workflow.RegulationProfiles profiles;

    WorkflowController(WorkflowCatalog catalog, ContentCatalog content, AccountAdministration accounts, AdminPages pages,
                       SubmitItem submit, WorkflowSteps steps, CorrectItem correct, DeadlineBoard board, StaffKinds kinds, Clock clock,
                       QuestionDesk questions, vn.cong.workflow.RegulationProfiles profiles, vn.cong.engagement.PetitionDesk petitions) {
        this.petitions = petitions;
        this.profiles = profiles;
        this.questions = questions;
        this.clock = clock;
        this.catalog = catalog;
        this.content = content;
        this.accounts = accounts;
        this.pages = pages;
        this.submit = submit;
        this.steps = steps;
        this.correct = correct;
        this.board = board;
        this.kinds = kinds;
    }

    static Actor actor(StaffAccount me) {
        return new Actor(me.id(), me.displayName(), me.roles());
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> queue(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return Mono.zip(catalog.waitingFor(tenant, actor(me)), catalog.mine(tenant, me.id()))
                .flatMap(t -> pages.page(request, "workflow/queue", Map.of("blocks", List.of(
                        new Block("cho-toi", "Chờ tôi xử lý", Rows.of(kinds, t.getT1(), clock.instant())),
                        new Block("cua-toi", "Tin bài của tôi", Rows.of(kinds, t.getT2(), clock.instant()))))));
    }

    /** Items due soon and overdue, by who acts next and by submitting unit. */
    @Get(value = "/theo-doi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> board(HttpRequest<?> request, Tenant tenant) {
        return Mono.zip(board.board(tenant, java.time.OffsetDateTime.now(clock)), questions.open(tenant), petitions.open(tenant)).flatMap(t -> {
            DeadlineBoard.Board b = t.getT1();
            // questions and answers: each open question's next step (forward, answer, publish) with its deadline [003 Đ13.2]
            List<Map<String, Object>> qa = t.getT2().stream().map(r -> Map.<String, Object>of("id", r.id(), "title", r.title(),
                    "step", r.next().label(), "due", KindPages.time(r.next().due().toOffsetDateTime()), "overdue", r.overdue())).toList();
            // feedback and petitions: the same steps and deadlines
            List<Map<String, Object>> pa = t.getT3().stream().map(r -> Map.<String, Object>of("id", r.id(), "title", r.title(),
                    "step", r.next().label(), "due", KindPages.time(r.next().due().toOffsetDateTime()), "overdue", r.overdue())).toList();
            return pages.page(request, "workflow/board", Map.of(
                    "byStage", b.byStage(), "byUnit", b.byUnit(), "overdue", Rows.of(kinds, b.overdue(), clock.instant()),
                    "dueSoon", Rows.of(kinds, b.dueSoon(), clock.instant()), "window", b.window().toHours() + " giờ", "questions", qa, "petitions", pa));
        });
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> item(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                           @Nullable @QueryValue String thongbao) {
        return itemPage(request, tenant, me, id, HttpStatus.OK, ActionForm.empty(), thongbao == null ? null : NOTICES.get(thongbao),
                null, Map.of());
    }

    @Get(value = "/{id}/gui", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> submissionForm(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id) {
        return catalog.item(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : accounts.find(tenant, me.id()).flatMap(account -> {
                    var d = found.get();
                    SubmissionForm form = d.run() != null && "in_progress".equals(d.run().status())
                            ? SubmissionForm.of(d.run(), d.item().version(), null)
                            : SubmissionForm.of(account, d.item().version(), null);
                    return submissionPage(request, HttpStatus.OK, d.item(), form, Map.of(), null);
                }));
    }

    @Post(value = "/{id}/gui", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> submit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body SubmissionForm form) {
        return catalog.item(tenant, id).flatMap(found -> {
            if (found.isEmpty()) {
                return notFound(request);
            }
            var item = found.get().item();
            if (!form.eventAtValid()) {
                return submissionPage(request, HttpStatus.BAD_REQUEST, item, form, Map.of("eventAt", "Thời điểm sự kiện không hợp lệ."), null);
            }
            if (!form.opensAtValid()) {
                return submissionPage(request, HttpStatus.BAD_REQUEST, item, form, Map.of("opensAt", "Thời điểm khai mạc không hợp lệ."), null);
            }
            return submit.submit(tenant, id, form.versionNumber(), actor(me), form.submission())
                    .map(o -> seeOther(BASE + "/" + id + "?thongbao=gui"))
                    .onErrorResume(SubmissionRejected.class, e -> submissionPage(request, HttpStatus.BAD_REQUEST, item, form, e.problems(), null))
                    .onErrorResume(WorkflowRefused.class, e -> submissionPage(request, HttpStatus.FORBIDDEN, item, form, Map.of(), e.getMessage()))
                    .onErrorResume(WorkflowConflict.class, e -> submissionPage(request, HttpStatus.CONFLICT, item, form, Map.of(), e.getMessage()));
        }).onErrorResume(ContentNotFound.class, e -> notFound(request));
    }

    @Post(value = "/{id}/buoc/{step}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> step(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, String step,
                                           @Body ActionForm form) {
        var named = WorkflowSteps.Step.byPage(step);
        if (named.isEmpty()) {
            return notFound(request);
        }
        Mono<?> action = ActionForm.validLocalTime(form.publishAt())
                ? steps.run(named.get(), tenant, id, form.versionNumber(), actor(me), new WorkflowSteps.Input(form.comment(), form.reason(),
                form.text(), ActionForm.localTime(form.publishAt())))
                : Mono.error(new SubmissionRejected(Map.of("publishAt", "Thời điểm đăng không hợp lệ.")));
        return action.map(o -> seeOther(BASE + "/" + id + "?thongbao=" + step))
                .onErrorResume(WorkflowRefused.class, e -> itemPage(request, tenant, me, id, HttpStatus.FORBIDDEN, form, null, e.getMessage(), Map.of()))
                .onErrorResume(WorkflowConflict.class, e -> itemPage(request, tenant, me, id, HttpStatus.CONFLICT, form, null, e.getMessage(), Map.of()))
                .onErrorResume(SubmissionRejected.class, e -> itemPage(request, tenant, me, id, HttpStatus.BAD_REQUEST, form, null,
                        "Chưa thực hiện được: " + String.join(" ", e.problems().values()), e.problems()))
                .onErrorResume(ContentNotFound.class, e -> notFound(request));
    }

    /** Two revisions side by side (the older on the left), changed words of the text readers see marked; {@code nguon} for the HTML source. */
    @Get(value = "/{id}/so-sanh", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> compare(HttpRequest<?> request, Tenant tenant, long id, @QueryValue int tu, @QueryValue int den,
                                              @Nullable @QueryValue String nguon) {
        boolean source = nguon != null && !nguon.isBlank();
        int older = Math.min(tu, den);
        int newer = Math.max(tu, den);
        return catalog.item(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : Mono.zip(content.revisionText(tenant, id, older), content.revisionText(tenant, id, newer))
                        .flatMap(t -> pages.page(request, "workflow/compare", Map.of("item", found.get().item(), "older", older,
                                "newer", newer, "source", source, "rows", source ? vn.cong.content.RevisionDiff.between(t.getT1(), t.getT2())
                                        : vn.cong.content.RevisionDiff.betweenTexts(t.getT1(), t.getT2()))))
                        .switchIfEmpty(Mono.defer(() -> pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of(
                                "title", "Không có phiên bản này", "message", "Tin bài không có phiên bản " + older + " hoặc " + newer + ".",
                                "linkHref", BASE + "/" + id, "linkText", "Về trang tin bài")))));
    }

    @Get(value = "/{id}/dinh-chinh", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> correctionForm(HttpRequest<?> request, Tenant tenant, long id) {
        return content.item(tenant, id)
                .flatMap(item -> pages.page(request, "workflow/correct", Map.of("item", item, "form", CorrectionForm.of(item),
                        "errors", Map.of())))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}/dinh-chinh", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> correct(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body CorrectionForm form) {
        return catalog.item(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : content.item(tenant, id).flatMap(item -> correct.correct(tenant, actor(me), form.draft(item, found.get().item().kind(), me.id()),
                                form.note() == null ? "" : form.note())
                        .map(saved -> seeOther(BASE + "/" + id + "?thongbao=dinh-chinh"))
                        .onErrorResume(DraftRejected.class, e -> correctionPage(request, HttpStatus.BAD_REQUEST, item, form, e.problems(), null))
                        .onErrorResume(WorkflowRefused.class, e -> correctionPage(request, HttpStatus.FORBIDDEN, item, form, Map.of(), e.getMessage()))
                        .onErrorResume(EditConflict.class, e -> correctionPage(request, HttpStatus.CONFLICT, item, form.withVersion(e.currentVersion()),
                                Map.of(), e.getMessage()))));
    }

    private Mono<MutableHttpResponse<String>> correctionPage(HttpRequest<?> request, HttpStatus status, ContentCatalog.EditableItem item,
                                                             CorrectionForm form, Map<String, String> errors, @Nullable String alert) {
        Map<String, Object> model = new HashMap<>(Map.of("item", item, "form", form, "errors", errors));
        if (alert != null) {
            model.put("alert", alert);
        }
        return pages.page(request, status, "workflow/correct", model);
    }

    private Mono<MutableHttpResponse<String>> submissionPage(HttpRequest<?> request, HttpStatus status, vn.cong.workflow.WorkItem item,
                                                             SubmissionForm form, Map<String, String> errors, @Nullable String alert) {
        Map<String, Object> model = new HashMap<>(Map.of("item", item, "form", form, "errors", errors,
                "sensitivities", Arrays.asList(Sensitivity.values()), "infoTypes", Arrays.asList(InformationType.values()), "fields", List.of(
                        new Field("unit", "Đơn vị", "text", orEmpty(form.unit())),
                        new Field("name", "Họ tên người gửi", "text", orEmpty(form.name())),
                        new Field("title", "Chức danh", "text", orEmpty(form.title())),
                        new Field("email", "Thư điện tử", "email", orEmpty(form.email())),
                        new Field("phone", "Số điện thoại", "tel", orEmpty(form.phone())))));
        if (alert != null) {
            model.put("alert", alert);
        }
        return pages.page(request, status, "workflow/submit", model);
    }

    private Mono<MutableHttpResponse<String>> itemPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                       ActionForm typed, @Nullable String notice, @Nullable String alert,
                                                       Map<String, String> errors) {
        return catalog.item(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : content.revisions(tenant, id).zipWith(profiles.profile(tenant)).flatMap(t -> {
                    var revisions = t.getT1();
                    Map<String, Object> model = ItemPage.model(found.get(), actor(me), typed, kinds,
                            revisions.stream().map(ContentCatalog.Revision::version).toList(), clock.instant());
                    // the reject step offers the cases the tenant's regulation lists
                    model.put("reasons", vn.cong.workflow.RejectionReason.listedBy(t.getT2().values().get(vn.cong.workflow.ProfileValue.REJECTION_REASONS)));
                    model.put("errors", errors);
                    if (notice != null) {
                        model.put("notice", notice);
                    }
                    if (alert != null) {
                        model.put("alert", alert);
                    }
                    return pages.page(request, status, "workflow/item", model);
                }));
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy tin bài",
                "message", "Tin bài không tồn tại trong cổng này.", "linkHref", BASE, "linkText", "Về danh sách việc cần xử lý"));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>seeOther(URI.create(location));
    }

    record Block(String id, String heading, List<Rows> rows) {
    }

    /** A text field of the submission form. */
    record Field(String name, String label, String type, String value) {
    }

    /** Lines of the queue tables, formatted ({@code kind} as the staff calls it: Bài viết, Văn bản, …). */
    record Rows(long id, String title, String kind, String state, String level, String unit, String due, boolean overdue) {

        static List<Rows> of(StaffKinds kinds, List<WorkflowCatalog.QueueRow> rows, java.time.Instant now) {
            return rows.stream().map(r -> new Rows(r.item().id(), r.item().title(), kinds.name(r.item().kind()),
                    ItemState.labelOf(r.item().state()), r.levelName() == null ? "" : r.levelName(),
                    r.run() == null ? "" : r.run().submitter().unit(),
                    r.run() == null || r.run().dueAt() == null ? "" : ItemPage.format(r.run().dueAt()),
                    r.run() != null && r.run().dueAt() != null && "in_progress".equals(r.run().status())
                            && r.run().dueAt().toInstant().isBefore(now))).toList();
        }
    }
}
