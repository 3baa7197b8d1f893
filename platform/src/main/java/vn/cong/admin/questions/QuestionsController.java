package vn.cong.admin.questions;

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
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.engagement.QaDeadlines;
import vn.cong.engagement.QuestionDesk;
import vn.cong.engagement.QuestionRefused;
import vn.cong.engagement.Units;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Q&A queue in the staff area: the desk sees every confirmed question and takes the steps (forward to units,
 * send back for more information, merge a duplicate, publish the answer); a unit's staff see what was forwarded to
 * their unit and answer it. Each question shows its deadlines (late steps marked).
 */
@Controller("/quan-tri/hoi-dap")
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 40, label = "Hỏi – đáp")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class QuestionsController {

    private static final String BASE = "/quan-tri/hoi-dap";
    private static final Map<String, String> NOTICES = Map.of("chuyen", "Đã chuyển câu hỏi tới đơn vị.", "tra-loi", "Đã ghi câu trả lời của đơn vị.",
            "dang", "Đã gửi câu trả lời vào quy trình duyệt; khi được duyệt và đăng, người hỏi nhận thư trả lời.", "gui-lai", "Đã gửi lại người hỏi đề nghị bổ sung thông tin.",
            "gop", "Đã gộp câu hỏi.");

    private final QuestionDesk desk;
    private final Units units;
    private final AdminPages pages;
    private final Clock clock;

    QuestionsController(QuestionDesk desk, Units units, AdminPages pages, Clock clock) {
        this.desk = desk;
        this.units = units;
        this.pages = pages;
        this.clock = clock;
    }

    /** Every step's form: which fields are used depends on the step. */
    @Serdeable
    record StepForm(@Nullable List<String> units, @Nullable String unit, @Nullable String answer, @Nullable String note,
                    @Nullable String into, @Nullable String sensitivity, @Nullable String phone, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> queue(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return desk.queue(tenant, actor(me)).flatMap(rows -> pages.page(request, "questions/queue", Map.of("rows", rows.stream().map(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", r.id());
            m.put("code", r.trackingCode());
            m.put("title", r.title());
            m.put("status", r.status().label("vi"));
            m.put("submitted", KindPages.time(r.submittedAt()));
            m.put("units", r.units());
            m.put("next", r.next() == null ? "" : r.next().label() + ": " + KindPages.time(r.next().due().toOffsetDateTime()));
            m.put("overdue", r.overdue());
            return m;
        }).toList(), "desk", QuestionDesk.isDesk(actor(me)))));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> detail(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return page(request, tenant, me, id, HttpStatus.OK, thongbao == null ? null : NOTICES.get(thongbao), null);
    }

    @Post(value = "/{id}/chuyen", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> forward(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        List<Long> ids = new ArrayList<>();
        for (String u : form.units() == null ? List.<String>of() : form.units()) {
            try {
                ids.add(Long.valueOf(u));
            } catch (NumberFormatException e) {
                ids.add(-1L);
            }
        }
        return step(request, tenant, me, id, desk.forward(tenant, id, ids, actor(me)), "chuyen");
    }

    @Post(value = "/{id}/tra-loi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> answer(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        long unit;
        try {
            unit = Long.parseLong(form.unit() == null ? "" : form.unit());
        } catch (NumberFormatException e) {
            unit = -1;
        }
        return step(request, tenant, me, id, desk.answer(tenant, id, unit, form.answer(), actor(me)), "tra-loi");
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        return step(request, tenant, me, id, desk.sendForApproval(tenant, id, form.answer(), form.sensitivity(), form.phone(), actor(me)).then(), "dang");
    }

    @Post(value = "/{id}/gui-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> sendBack(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        return step(request, tenant, me, id, desk.sendBack(tenant, id, form.note() == null ? "" : form.note(), actor(me)), "gui-lai");
    }

    @Post(value = "/{id}/gop", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> merge(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body StepForm form) {
        long into;
        try {
            into = Long.parseLong(form.into() == null ? "" : form.into().strip());
        } catch (NumberFormatException e) {
            into = -1;
        }
        return step(request, tenant, me, id, desk.merge(tenant, id, into, actor(me)), "gop");
    }

    private Mono<MutableHttpResponse<String>> step(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, Mono<Void> work, String notice) {
        // the question must be this tenant's before anything is tried: another tenant's id is "not found"
        return desk.detail(tenant, id, actor(me)).flatMap(found -> found.isEmpty() ? notFound(request)
                : work.thenReturn(KindPages.seeOther(BASE + "/" + id + "?thongbao=" + notice))
                .onErrorResume(QuestionRefused.class, e -> page(request, tenant, me, id, e.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
                        null, e.getMessage())));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                   @Nullable String notice, @Nullable String alert) {
        return desk.detail(tenant, id, actor(me)).zipWith(units.all(tenant)).flatMap(t -> {
            if (t.getT1().isEmpty()) {
                return notFound(request);
            }
            QuestionDesk.Detail d = t.getT1().get();
            Map<String, Object> model = new HashMap<>();
            model.put("d", d);
            model.put("q", d.question());
            model.put("submitted", KindPages.time(d.question().submittedAt()));
            model.put("status", d.question().status().label("vi"));
            model.put("steps", d.steps().stream().map(s -> Map.of("label", s.label(), "due", KindPages.time(s.due().toOffsetDateTime()),
                    "done", s.done() == null ? "chưa" : KindPages.time(s.done().toOffsetDateTime()), "late", s.overdueAt(clock.instant()))).toList());
            model.put("events", d.events().stream().map(e -> Map.of("at", KindPages.time(e.at()), "action", e.action(), "actor", e.actor(),
                    "note", e.note())).toList());
            model.put("forwards", d.forwards().stream().map(f -> {
                Map<String, Object> m = new HashMap<>();
                m.put("unitId", f.unitId());
                m.put("unit", f.unitName());
                m.put("answered", f.answeredAt() != null);
                m.put("answer", f.answerHtml() == null ? "" : f.answerHtml());
                m.put("mayAnswer", f.answeredAt() == null && (f.mine() || d.desk()) && d.question().status() == vn.cong.engagement.QuestionStatus.FORWARDED);
                return m;
            }).toList());
            model.put("unitChoices", t.getT2());
            model.put("desk", d.desk());
            model.put("canForward", d.desk() && (d.question().status() == vn.cong.engagement.QuestionStatus.RECEIVED
                    || d.question().status() == vn.cong.engagement.QuestionStatus.FORWARDED));
            model.put("canSendBack", d.desk() && d.question().status() == vn.cong.engagement.QuestionStatus.RECEIVED);
            model.put("canPublish", d.desk() && d.question().status() == vn.cong.engagement.QuestionStatus.ANSWERED);
            model.put("approving", d.question().status() == vn.cong.engagement.QuestionStatus.APPROVING);
            model.put("approvalUrl", d.answerItemId() == null ? null : vn.cong.admin.kinds.StaffKinds.workflowUrl(d.answerItemId()));
            model.put("phone", "");
            model.put("canMerge", d.desk() && (d.question().status() == vn.cong.engagement.QuestionStatus.RECEIVED
                    || d.question().status() == vn.cong.engagement.QuestionStatus.FORWARDED));
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "questions/detail", model);
        });
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy câu hỏi",
                "message", "Câu hỏi này không có trong cổng.", "linkHref", BASE, "linkText", "Về danh sách hỏi – đáp"));
    }

    private static Actor actor(StaffAccount me) {
        return new Actor(me.id(), me.displayName(), me.roles());
    }
}
