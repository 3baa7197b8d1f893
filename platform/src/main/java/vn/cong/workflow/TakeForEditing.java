package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

/** The level-1 editor (standing unit) takes a submitted item to edit and categorise it [003 Đ12.4 bước 2]. */
@Singleton
public class TakeForEditing {

    private final Transitions transitions;

    TakeForEditing(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> take(Tenant tenant, long itemId, int version, Actor actor) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "nhận biên tập", ItemState.SUBMITTED);
            Guards.role(actor, sit.policy().editorRoles(), "nhận biên tập tin bài");
            return Mono.just(Change.to(ItemState.EDITING, "take", null, Notice.none()));
        });
    }
}
