package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

/**
 * An approver approves at the level the item waits at. Below the level its sensitivity needs, the
 * item moves up to the next level [003 Đ12.4 bước 3]; at that level it is approved, ready to publish.
 */
@Singleton
public class ApproveItem {

    private final Transitions transitions;

    ApproveItem(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> approve(Tenant tenant, long itemId, int version, Actor actor, String comment) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "duyệt", ItemState.AWAITING_APPROVAL);
            WorkflowRun run = sit.requireRun();
            int at = run.currentLevel() == null ? 1 : run.currentLevel();
            ApprovalLevel level = sit.policy().level(at).orElseThrow();
            Guards.role(actor, level.roles(), "duyệt ở cấp «" + level.name() + "»");
            String note = Guards.optional(comment);
            if (at >= run.requiredLevels()) {
                if (run.stepsPending()) {
                    throw new WorkflowRefused(pendingSteps(run) + ": hãy ghi nhận trước khi duyệt đăng.");
                }
                return ApprovalTasks.close(sit.c(), run.id(), "approved", actor.id(), note)
                        .thenReturn(Change.to(ItemState.APPROVED, "approve", note,
                                Notice.toRoles(sit.policy().publisherRoles(), "Tin bài đã được duyệt, chờ đăng")).atLevel(at));
            }
            ApprovalLevel next = sit.policy().level(at + 1).orElseThrow();
            return ApprovalTasks.close(sit.c(), run.id(), "approved", actor.id(), note)
                    .then(ApprovalTasks.open(sit.c(), run.id(), at + 1))
                    .thenReturn(Change.to(ItemState.AWAITING_APPROVAL, "approve", note,
                            Notice.toRoles(next.roles(), "Tin bài chờ bạn duyệt (" + next.name() + ")")).atLevel(at));
        });
    }

    static String pendingSteps(WorkflowRun run) {
        if (run.opinion().pending() && run.review().pending()) {
            return "Tin bài còn chờ ý kiến lãnh đạo và kết quả thẩm định chuyên môn";
        }
        return run.opinion().pending() ? "Tin bài còn chờ ý kiến lãnh đạo" : "Tin bài còn chờ kết quả thẩm định chuyên môn";
    }
}
