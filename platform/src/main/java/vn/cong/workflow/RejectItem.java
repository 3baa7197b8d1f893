package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.util.Map;

/** Refuses an item for publication with a reason from the seeds' list, plus free text [000 Đ11; 003 Đ16]. */
@Singleton
public class RejectItem {

    private final Transitions transitions;

    RejectItem(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> reject(Tenant tenant, long itemId, int version, Actor actor, String reasonCode, String text) {
        var reason = RejectionReason.parse(reasonCode == null ? "" : reasonCode);
        if (reason.isEmpty()) {
            return Mono.error(new SubmissionRejected(Map.of("reason", "Hãy chọn lý do từ chối theo quy chế.")));
        }
        String detail = Guards.optional(text);
        if (reason.get() == RejectionReason.OTHER_BY_LAW && detail == null) {
            return Mono.error(new SubmissionRejected(Map.of("text", "Hãy ghi rõ quy định pháp luật không cho đăng tin bài này.")));
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "từ chối", ItemState.SUBMITTED, ItemState.EDITING, ItemState.AWAITING_APPROVAL);
            WorkflowRun run = sit.requireRun();
            Integer at = null;
            Mono<Long> task = Mono.just(0L);
            if (sit.item().is(ItemState.AWAITING_APPROVAL)) {
                at = run.currentLevel() == null ? 1 : run.currentLevel();
                ApprovalLevel level = sit.policy().level(at).orElseThrow();
                Guards.role(actor, level.roles(), "từ chối tin bài đang chờ duyệt ở cấp «" + level.name() + "»");
                task = ApprovalTasks.close(sit.c(), run.id(), "rejected", actor.id(), detail);
            } else {
                Guards.role(actor, sit.policy().editorRoles(), "từ chối tin bài");
            }
            Change change = Change.to(ItemState.REJECTED, "reject", detail,
                    Notice.toAccount(run.submittedBy(), "Tin bài bị từ chối đăng (" + reason.get().label() + ")"))
                    .atLevel(at).because(reason.get().db());
            Mono<Long> closing = task;
            return RegulationProfiles.profile(sit.c()).flatMap(profile -> {
                ProfileValue list = ProfileValue.REJECTION_REASONS;
                String listed = profile.values().get(list);
                return RejectionReason.listedBy(listed).contains(reason.get()) ? closing.thenReturn(change)
                        : Mono.error(new SubmissionRejected(Map.of("reason", "«" + reason.get().label() + "» không thuộc các trường hợp từ chối "
                        + "theo quy định cổng áp dụng (" + list.optionLabel(listed) + ").")));
            });
        });
    }
}
