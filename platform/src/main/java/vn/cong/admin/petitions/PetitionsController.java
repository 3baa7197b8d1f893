package vn.cong.admin.petitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.attachments.DownloadNames;
import vn.cong.engagement.PetitionDesk;
import vn.cong.engagement.PetitionStatus;
import vn.cong.engagement.QuestionRefused;
import vn.cong.engagement.Units;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The queue of feedback and petitions in the staff area: the desk sees every confirmed petition, forwards it to a
 * unit, sends the unit's answer to the sender and may publish it; a unit's staff see and answer what reached their
 * unit. The sender's contact data and files are shown to the desk and that unit's staff only.
 */
@Controller("/quan-tri/phan-anh")
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 42, label = "Phản ánh, kiến nghị")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class PetitionsController {

    private static final String BASE = "/quan-tri/phan-anh";
    private static final Map<String, String> NOTICES = Map.of("chuyen", "Đã chuyển phản ánh tới đơn vị.", "tra-loi", "Đã ghi trả lời của đơn vị.",
            "ket-qua", "Đã gửi kết quả cho người gửi.", "cong-khai", "Đã gửi câu trả lời vào quy trình duyệt; khi được duyệt và đăng, phản ánh được công khai và người gửi nhận thư.");

    private final PetitionDesk desk;
    private final Units units;
    private final AdminPages pages;
    private final Scheduler blocking;
    private final java.time.Clock clock;

    PetitionsController(PetitionDesk desk, Units units, AdminPages pages, @Named(TaskExecutors.BLOCKING) ExecutorService blocking, java.time.Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.units = units;
        this.pages = pages;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Every step's form: which fields are used depends on the step. */
    @Serdeable
    record StepForm(@Nullable String unit, @Nullable String answer, @Nullable String publish, @Nullable String sensitivity, @Nullable String phone,
                    @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> queue(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return desk.queue(tenant, actor(me)).flatMap(rows -> pages.page(request, "petitions/queue", Map.of("rows", rows.stream().map(r -> Map.of(
                "id", r.id(), "code", r.trackingCode(), "title", r.title(), "status", r.status().label("vi"),
                "submitted", KindPages.time(r.submittedAt()), "unit", r.unitName(),
                "next", r.next() == null ? "" : r.next().label() + ": " + KindPages.time(r.next().due().toOffsetDateTime()),
                "overdue", r.overdue())).toList(), "desk", vn.cong.engagement.QuestionDesk.isDesk(actor(me)))));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> detail(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return page(request, tenant, me, id, HttpStatus.OK, thongbao == null ? null : NOTICES.get(thongbao), null);
    }

    @Post(value = "/{id}/chuyen", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> forward(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        long unit;
        try {
            unit = Long.parseLong(form.unit() == null ? "" : form.unit());
        } catch (NumberFormatException e) {
            unit = -1;
        }
        return step(request, tenant, me, id, desk.forward(tenant, id, unit, actor(me)), "chuyen");
    }

    @Post(value = "/{id}/tra-loi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> answer(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        return step(request, tenant, me, id, desk.answer(tenant, id, form.answer() == null ? "" : form.answer(), actor(me)), "tra-loi");
    }

    @Post(value = "/{id}/ket-qua", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> finish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        boolean publish = form.publish() != null;
        return step(request, tenant, me, id, desk.finish(tenant, id, publish, form.sensitivity(), form.phone(), actor(me)), publish ? "cong-khai" : "ket-qua");
    }

    @Get("/{id}/tep/{mediaId}")
    @Produces(MediaType.ALL)
    Mono<HttpResponse<?>> file(Tenant tenant, StaffAccount me, long id, long mediaId) {
        return desk.file(tenant, id, mediaId, actor(me)).flatMap(found -> found
                .map(d -> Mono.fromCallable(() -> Files.readAllBytes(d.path())).subscribeOn(blocking)
                        .<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(d.contentType())
                                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition(DownloadNames.slug(d.name(),
                                        vn.cong.media.MediaType.byContentType(d.contentType()).map(vn.cong.media.MediaType::extension).orElse("bin")), d.name()))
                                .header("X-Content-Type-Options", "nosniff")
                                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")))
                .orElseGet(() -> Mono.just(HttpResponse.notFound())));
    }

    private Mono<MutableHttpResponse<String>> step(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, Mono<Void> work, String notice) {
        // the petition must be this tenant's before anything is tried: another tenant's id is "not found"
        return desk.detail(tenant, id, actor(me)).flatMap(found -> found.isEmpty() ? notFound(request)
                : work.thenReturn(KindPages.seeOther(BASE + "/" + id + "?thongbao=" + notice))
                .onErrorResume(QuestionRefused.class, e -> page(request, tenant, me, id, e.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
                        null, e.getMessage())));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                   @Nullable String notice, @Nullable String alert) {
        return Mono.zip(desk.detail(tenant, id, actor(me)), units.all(tenant), desk.steps(tenant, id)).flatMap(t -> {
            if (t.getT1().isEmpty()) {
                return notFound(request);
            }
            PetitionDesk.Detail p = t.getT1().get();
            Map<String, Object> model = new HashMap<>();
            model.put("p", p);
            model.put("status", p.status().label("vi"));
            model.put("steps", t.getT3().stream().map(s -> Map.of("label", s.label(), "due", KindPages.time(s.due().toOffsetDateTime()),
                    "done", s.done() == null ? "chưa" : KindPages.time(s.done().toOffsetDateTime()), "late", s.overdueAt(clock.instant()))).toList());
            model.put("submitted", KindPages.time(p.submittedAt()));
            model.put("unitChoices", t.getT2());
            model.put("canForward", p.desk() && (p.status() == PetitionStatus.RECEIVED || p.status() == PetitionStatus.FORWARDED));
            model.put("canAnswer", (p.desk() || p.unitStaff()) && p.status() == PetitionStatus.FORWARDED);
            model.put("canFinish", p.desk() && p.status() == PetitionStatus.ANSWERED);
            model.put("approvalUrl", p.answerItemId() == null ? null : vn.cong.admin.kinds.StaffKinds.workflowUrl(p.answerItemId()));
            model.put("phone", "");
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "petitions/detail", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy phản ánh, kiến nghị",
                "message", "Phản ánh, kiến nghị này không có trong cổng.", "linkHref", BASE, "linkText", "Về danh sách phản ánh, kiến nghị"));
    }

    private static Actor actor(StaffAccount me) {
        return new Actor(me.id(), me.displayName(), me.roles());
    }
}
