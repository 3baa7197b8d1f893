package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

/**
 * Takes a published item down (gỡ bỏ): decided by the deputy head or head of the board, who and why
 * kept in the event log [000 Đ12.2; 003 Đ12.5]. Its public address then answers 410.
 */
@Singleton
public class TakeDownItem {

    private final Transitions transitions;

    TakeDownItem(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> takeDown(Tenant tenant, long itemId, int version, Actor actor, String reason) {
        String why;
        try {
            why = Guards.required(reason, "reason", "Hãy ghi lý do gỡ bỏ (ví dụ: không còn phù hợp về thời điểm, sai sự thật).");
        } catch (SubmissionRejected e) {
            return Mono.error(e);
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "gỡ bỏ", ItemState.PUBLISHED);
            Guards.role(actor, sit.policy().takedownRoles(), "quyết định gỡ bỏ tin bài");
            return Mono.just(Change.to(ItemState.TAKEN_DOWN, "take_down", why,
                    Notice.toRoles(sit.policy().editorRoles(), "Tin bài đã bị gỡ bỏ")));
        });
    }
}
