package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

/**
 * Moves a published item whose retention period has ended [001 Đ13] off the public site into the staff
 * archive (lưu trữ): decided by whoever may take items down. Inside the period it is refused.
 */
@Singleton
public class ArchiveItem {

    private final Transitions transitions;
    private final Retention retention;

    ArchiveItem(Transitions transitions, Retention retention) {
        this.transitions = transitions;
        this.retention = retention;
    }

    public Mono<Outcome> archive(Tenant tenant, long itemId, int version, Actor actor, String comment) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "lưu trữ", ItemState.PUBLISHED);
            Guards.role(actor, sit.policy().takedownRoles(), "đưa tin bài vào lưu trữ");
            return retention.refuseWhileHeld(sit.c(), itemId, "lưu trữ")
                    .thenReturn(Change.to(ItemState.ARCHIVED, "archive", Guards.optional(comment), Notice.none()));
        });
    }
}
