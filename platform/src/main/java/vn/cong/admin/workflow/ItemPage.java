package vn.cong.admin.workflow;

import vn.cong.system.VietnamTime;

import io.micronaut.core.annotation.Nullable;
import vn.cong.accounts.Role;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ApprovalLevel;
import vn.cong.workflow.EventActions;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.NextSteps;
import vn.cong.workflow.RejectionReason;
import vn.cong.workflow.WorkflowCatalog.ItemDetail;
import vn.cong.workflow.WorkflowRun;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The item page's model: everything formatted here, so the template only places it. */
final class ItemPage {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private ItemPage() {
    }

    record Line(String label, String value) {
    }

    record Due(String label, String at, boolean overdue) {
    }

    /** A step's form on the item page: where it posts, its button, the label of its text box. */
    record StepForm(String path, String button, String label, boolean primary) {
    }

    private static final List<Map.Entry<NextSteps.Action, StepForm>> COMMENT_FORMS = List.of(
            Map.entry(NextSteps.Action.SEND, new StepForm("trinh", "Trình duyệt", "Ghi chú khi trình (không bắt buộc)", true)),
            Map.entry(NextSteps.Action.APPROVE, new StepForm("duyet", "Duyệt", "Ý kiến khi duyệt (không bắt buộc)", true)),
            Map.entry(NextSteps.Action.RETURN, new StepForm("tra-lai", "Trả lại để sửa", "Ý kiến: cần sửa gì (bắt buộc)", false)),
            Map.entry(NextSteps.Action.REQUEST_OPINION, new StepForm("xin-y-kien", "Đề nghị xin ý kiến lãnh đạo", "Nội dung cần xin ý kiến", false)),
            Map.entry(NextSteps.Action.REQUEST_REVIEW, new StepForm("de-nghi-tham-dinh", "Đề nghị thẩm định chuyên môn", "Nội dung cần thẩm định", false)));
    private static final List<Map.Entry<NextSteps.Action, StepForm>> RECORD_FORMS = List.of(
            Map.entry(NextSteps.Action.RECORD_OPINION, new StepForm("ghi-y-kien", "Ghi nhận ý kiến lãnh đạo",
                    "Ý kiến lãnh đạo đã nhận (ai, khi nào, nội dung)", false)),
            Map.entry(NextSteps.Action.RECORD_REVIEW, new StepForm("ghi-tham-dinh", "Ghi nhận kết quả thẩm định",
                    "Kết quả thẩm định (đơn vị, chuyên gia, kết luận)", false)));

    record Entry(String at, String actor, String action, String states, String level, String comment, String reason) {
    }

    static Map<String, Object> model(ItemDetail d, Actor me, ActionForm typed, StaffKinds kinds, List<Integer> versions, java.time.Instant now) {
        Map<String, Object> m = new HashMap<>();
        var item = d.item();
        WorkflowRun run = d.run();
        m.put("item", item);
        m.put("policy", d.policy());
        var steps = NextSteps.of(d, me);
        m.put("steps", steps.stream().map(Enum::name).collect(Collectors.toSet()));
        m.put("commentForms", COMMENT_FORMS.stream().filter(e -> steps.contains(e.getKey())).map(Map.Entry::getValue).toList());
        m.put("recordForms", RECORD_FORMS.stream().filter(e -> steps.contains(e.getKey())).map(Map.Entry::getValue).toList());
        m.put("typed", typed);
        m.put("reasons", Arrays.asList(RejectionReason.values()));
        m.put("versions", versions);
        m.put("publicUrl", item.is(ItemState.PUBLISHED) ? kinds.publicUrl(item.kind(), item.language(), item.slug()) : null);
        m.put("editUrl", kinds.editUrl(item.kind(), item.id()));
        m.put("kindName", kinds.name(item.kind()));
        m.put("stage", stage(d));
        m.put("facts", run == null ? List.of() : facts(run));
        // only the deadline the run tracks can be overdue: at MOST the event rule is the sender's, already past
        java.time.Instant tracked = run == null || run.dueAt() == null ? null : run.dueAt().toInstant();
        m.put("deadlines", d.deadlines().stream().map(x -> new Due(x.label(), format(x.due()),
                x.due().toInstant().equals(tracked) && x.due().toInstant().isBefore(now) && "in_progress".equals(run.status()))).toList());
        m.put("history", d.history().stream().map(e -> new Entry(format(e.at()), e.actor() == null ? "Hệ thống" : e.actor(),
                e.action() == null && e.comment() != null ? e.comment() : EventActions.label(e.action()),
                (e.from() == null ? "" : ItemState.labelOf(e.from()) + " → ") + ItemState.labelOf(e.to()),
                e.level() == null ? "" : d.policy().level(e.level()).map(ApprovalLevel::name).orElse("cấp " + e.level()),
                e.action() == null ? "" : e.comment() == null ? "" : e.comment(),
                e.reasonCode() == null ? "" : RejectionReason.labelOf(e.reasonCode()))).toList());
        m.put("corrections", d.corrections().stream().map(c -> new Line(format(c.at()), c.note())).toList());
        return m;
    }

    /** Where the item stands and who acts next, in a sentence. */
    private static String stage(ItemDetail d) {
        var item = d.item();
        WorkflowRun run = d.run();
        if (item.is(ItemState.AWAITING_APPROVAL) && run != null && run.currentLevel() != null) {
            return d.policy().level(run.currentLevel()).map(l -> "Chờ duyệt ở cấp «" + l.name() + "» (" + l.rolesText() + "); "
                    + "cần duyệt " + run.requiredLevels() + " cấp.").orElse(item.stateLabel());
        }
        return switch (ItemState.parse(item.state()).orElse(ItemState.DRAFT)) {
            case SUBMITTED -> "Chờ " + roles(d.policy().editorRoles()) + " tiếp nhận.";
            case EDITING -> "Đang biên tập (" + roles(d.policy().editorRoles()) + ").";
            case APPROVED -> "Đã duyệt, chờ " + roles(d.policy().publisherRoles()) + " đăng.";
            case RETURNED -> "Đã trả lại cho người gửi để sửa.";
            case SCHEDULED -> "Hẹn đăng lúc " + format(item.publishedAt()) + ".";
            default -> item.stateLabel() + ".";
        };
    }

    private static List<Line> facts(WorkflowRun run) {
        var s = run.submitter();
        List<Line> lines = new java.util.ArrayList<>(List.of(
                new Line("Đơn vị gửi", s.unit()),
                new Line("Người gửi", s.name() + (s.title().isBlank() ? "" : " (" + s.title() + ")")),
                new Line("Liên hệ", s.email() + " · " + s.phone()),
                new Line("Gửi lúc", format(run.submittedAt())),
                new Line("Mức độ", run.sensitivity().label())));
        if (run.infoType() != null) {
            lines.add(new Line("Loại thông tin", run.infoType().label()));
        }
        if (run.eventOpensAt() != null) {
            lines.add(new Line("Khai mạc", format(run.eventOpensAt())));
        }
        if (run.eventAt() != null && run.infoType() != null && run.infoType() != vn.cong.workflow.InformationType.NEWS) {
            lines.add(new Line(run.infoType().startsLabel(), format(run.eventAt())));
        } else if (run.eventAt() != null) {
            lines.add(new Line("Thời điểm sự kiện", format(run.eventAt()) + (run.eventHighlighted() ? " · sự kiện nổi bật trong kế hoạch truyền thông" : "")));
        }
        step(lines, "Ý kiến lãnh đạo", run.opinion());
        step(lines, "Thẩm định chuyên môn", run.review());
        return lines;
    }

    private static void step(List<Line> lines, String label, WorkflowRun.Step step) {
        if (step.needed()) {
            lines.add(new Line(label, step.pending() ? "Đang chờ" : step.text() + " (" + format(step.at()) + ")"));
        }
    }

    private static String roles(java.util.Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }

    static String format(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }

    static String format(ZonedDateTime t) {
        return t.withZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }
}
