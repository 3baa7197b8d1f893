package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;
import vn.cong.workflow.Transitions.Situation;

import java.time.OffsetDateTime;
import java.time.Clock;

/**
 * Puts an approved item online now, or schedules it for a set time (the scheduled-publishing job
 * then publishes it). The level-1 editor publishes what the levels above approved [003 Đ12.2].
 */
@Singleton
public class PublishItem {

    private final Transitions transitions;
    private final Clock clock;

    PublishItem(Transitions transitions, Clock clock) {
        this.clock = clock;
        this.transitions = transitions;
    }

    /** @param at a future time schedules the item; null or a past time publishes it now */
    public Mono<Outcome> publish(Tenant tenant, long itemId, int version, Actor actor, @Nullable OffsetDateTime at) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "đăng", ItemState.APPROVED);
            return Mono.just(decide(sit, at));
        });
    }

    /**
     * The article editor's "publish" button: an approved item, or one its policy lets editors publish
     * without approval (routine items under MOST's board model), goes online at once. Anything that
     * needs approval is refused with the way to get it.
     */
    public Mono<Outcome> publishDirectly(Tenant tenant, long itemId, int version, Actor actor) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            if (!sit.item().is(ItemState.APPROVED)) {
                Guards.state(sit.item(), "đăng", ItemState.DRAFT, ItemState.SUBMITTED, ItemState.EDITING, ItemState.APPROVED);
                int needed = sit.run() == null ? sit.policy().requiredLevels(Sensitivity.ROUTINE) : sit.run().requiredLevels();
                if (needed > 0) {
                    throw new WorkflowRefused("Theo quy trình «" + sit.policy().name() + "», tin bài phải được duyệt trước khi đăng: "
                            + "hãy gửi tin bài vào quy trình duyệt.");
                }
                Guards.role(actor, sit.policy().editorRoles(), "đăng tin bài chưa qua duyệt");
            }
            return Mono.just(decide(sit, null));
        });
    }

    private Change decide(Situation sit, @Nullable OffsetDateTime at) {
        Guards.role(sit.actor(), sit.policy().publisherRoles(), "đăng tin bài");
        if (sit.run() != null && sit.run().stepsPending()) {
            throw new WorkflowRefused(ApproveItem.pendingSteps(sit.run()) + ": chưa thể đăng.");
        }
        Long submitter = sit.run() == null ? null : sit.run().submittedBy();
        if (at != null && at.toInstant().isAfter(clock.instant())) {
            return Change.to(ItemState.SCHEDULED, "schedule", null, Notice.toAccount(submitter, "Tin bài đã được hẹn giờ đăng"))
                    .publishingAt(at);
        }
        return Change.to(ItemState.PUBLISHED, "publish", null, Notice.toAccount(submitter, "Tin bài đã được đăng"));
    }
}
