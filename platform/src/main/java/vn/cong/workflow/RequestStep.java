package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.util.HashSet;
import java.util.Set;

/**
 * Inserts an optional step into an item's run (leadership's opinion, expert review), and records its
 * result. Until recorded, the item can be neither finally approved nor published.
 */
@Singleton
public class RequestStep {

    private static final ItemState[] OPEN = {ItemState.SUBMITTED, ItemState.EDITING, ItemState.AWAITING_APPROVAL, ItemState.APPROVED};

    private final Transitions transitions;

    RequestStep(Transitions transitions) {
        this.transitions = transitions;
    }

    public Mono<Outcome> request(Tenant tenant, long itemId, int version, Actor actor, OptionalStep step, String comment) {
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "đề nghị " + step.label(), OPEN);
            Guards.role(actor, boardRoles(sit.policy()), "đề nghị " + step.label());
            WorkflowRun run = sit.requireRun();
            if (step.of(run).needed()) {
                throw new WorkflowRefused("Tin bài đã được đề nghị " + step.label() + ".");
            }
            Set<Role> who = step == OptionalStep.LEADERSHIP_OPINION ? Set.of(Role.DEPUTY_HEAD, Role.HEAD) : sit.policy().editorRoles();
            return sit.c().update("UPDATE workflow_runs SET " + step.column() + "_needed = true WHERE id = $1", run.id())
                    .thenReturn(Change.to(ItemState.parse(sit.item().state()).orElseThrow(), "request_" + step.column(),
                            Guards.optional(comment), Notice.toRoles(who, "Tin bài cần " + step.label())));
        });
    }

    public Mono<Outcome> record(Tenant tenant, long itemId, int version, Actor actor, OptionalStep step, String result) {
        String text;
        try {
            text = Guards.required(result, "result", "Hãy ghi nội dung " + step.label() + " đã nhận được.");
        } catch (SubmissionRejected e) {
            return Mono.error(e);
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "ghi nhận " + step.label(), OPEN);
            Guards.role(actor, boardRoles(sit.policy()), "ghi nhận " + step.label());
            WorkflowRun run = sit.requireRun();
            if (!step.of(run).pending()) {
                throw new WorkflowRefused(step.of(run).needed() ? "Đã ghi nhận " + step.label() + " cho tin bài này."
                        : "Tin bài chưa được đề nghị " + step.label() + ".");
            }
            String c = step.column();
            return sit.c().update("UPDATE workflow_runs SET " + c + "_text = $2, " + c + "_by = $3, " + c + "_at = now() WHERE id = $1",
                            run.id(), text, actor.id())
                    .thenReturn(Change.to(ItemState.parse(sit.item().state()).orElseThrow(), "record_" + c, text, Notice.none()));
        });
    }

    /** The editors and everyone who approves at some level. */
    static Set<Role> boardRoles(ApprovalPolicy policy) {
        Set<Role> roles = new HashSet<>(policy.editorRoles());
        roles.addAll(policy.approverRoles());
        return roles;
    }
}
