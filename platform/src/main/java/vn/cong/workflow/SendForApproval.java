package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

/**
 * The editor sends an edited item up: to the first approval level, or, when the item's sensitivity
 * needs no approval under the policy (routine items at MOST), straight to "approved".
 */
@Singleton
public class SendForApproval {

    private final Transitions transitions;

    SendForApproval(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> send(Tenant tenant, long itemId, int version, Actor actor, String comment) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "trình duyệt", ItemState.EDITING);
            Guards.role(actor, sit.policy().editorRoles(), "trình duyệt tin bài");
            WorkflowRun run = sit.requireRun();
            if (run.requiredLevels() == 0) {
                return Mono.just(Change.to(ItemState.APPROVED, "send", Guards.optional(comment),
                        Notice.toRoles(sit.policy().publisherRoles(), "Tin bài đã biên tập xong, chờ đăng")));
            }
            ApprovalLevel first = sit.policy().level(1).orElseThrow();
            return ApprovalTasks.open(sit.c(), run.id(), 1)
                    .thenReturn(Change.to(ItemState.AWAITING_APPROVAL, "send", Guards.optional(comment),
                            Notice.toRoles(first.roles(), "Tin bài chờ bạn duyệt (" + first.name() + ")")).atLevel(1));
        });
    }
}
