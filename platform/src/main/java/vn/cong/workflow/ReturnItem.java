package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

/**
 * Returns an item for revision, always with a comment. An approver sends it back to the level-1
 * editor to improve [003 Đ12.4 bước 3]; an editor sends it back to its submitter.
 */
@Singleton
public class ReturnItem {

    private final Transitions transitions;

    ReturnItem(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> sendBack(Tenant tenant, long itemId, int version, Actor actor, String comment) {
        String text;
        try {
            text = Guards.required(comment, "comment", "Hãy ghi ý kiến: cần sửa gì để tin bài đạt yêu cầu.");
        } catch (SubmissionRejected e) {
            return Mono.error(e);
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "trả lại", ItemState.SUBMITTED, ItemState.EDITING, ItemState.AWAITING_APPROVAL);
            WorkflowRun run = sit.requireRun();
            if (sit.item().is(ItemState.AWAITING_APPROVAL)) {
                int at = run.currentLevel() == null ? 1 : run.currentLevel();
                ApprovalLevel level = sit.policy().level(at).orElseThrow();
                Guards.role(actor, level.roles(), "trả lại tin bài đang chờ duyệt ở cấp «" + level.name() + "»");
                return ApprovalTasks.close(sit.c(), run.id(), "returned", actor.id(), text)
                        .thenReturn(Change.to(ItemState.EDITING, "return", text,
                                Notice.toRoles(sit.policy().editorRoles(), "Tin bài bị trả lại để biên tập lại")).atLevel(at));
            }
            Guards.role(actor, sit.policy().editorRoles(), "trả lại tin bài cho người gửi");
            return Mono.just(Change.to(ItemState.RETURNED, "return", text,
                    Notice.toAccount(run.submittedBy(), "Tin bài bị trả lại, đề nghị sửa và gửi lại")));
        });
    }
}
