package vn.cong.demo;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Account;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ApprovalPolicy;
import vn.cong.workflow.ApproveItem;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.PublishItem;
import vn.cong.workflow.SendForApproval;
import vn.cong.workflow.TakeForEditing;
import vn.cong.workflow.WorkflowPolicies;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves a submitted item (the demo's answers to questions and petitions) through the tenant's approval policy as its
 * staff would: an editor of the policy takes it and sends it up, the holders of each level's roles approve it, a
 * publisher publishes it. When an account for a step is missing, or {@code publish} is false, the item stays where it
 * is (then, under a policy with levels, waiting at the first level: "an answer waiting for approval").
 */
@Singleton
class DemoApprovals {

    private final WorkflowPolicies policies;
    private final TakeForEditing take;
    private final SendForApproval send;
    private final ApproveItem approve;
    private final PublishItem publish;

    DemoApprovals(WorkflowPolicies policies, TakeForEditing take, SendForApproval send, ApproveItem approve, PublishItem publish) {
        this.policies = policies;
        this.take = take;
        this.send = send;
        this.approve = approve;
        this.publish = publish;
    }

    Mono<Outcome> through(Tenant tenant, Outcome submitted, List<Account> staff, boolean publishIt) {
        long itemId = submitted.itemId();
        return policies.current(tenant).flatMap(policy -> {
            Optional<Actor> editor = holder(staff, policy.editorRoles());
            if (editor.isEmpty()) {
                return Mono.<Outcome>empty();
            }
            return take.take(tenant, itemId, submitted.version(), editor.get())
                    .flatMap(o -> send.send(tenant, itemId, o.version(), editor.get(), "Đã rà soát câu trả lời, kính trình duyệt."))
                    .flatMap(o -> publishIt ? approveFrom(tenant, policy, o, 1, staff) : Mono.just(o))
                    .flatMap(o -> !publishIt || !ItemState.APPROVED.db().equals(o.state()) ? Mono.just(o)
                            : holder(staff, policy.publisherRoles()).map(p -> publish.publish(tenant, itemId, o.version(), p, null))
                            .orElseGet(() -> Mono.just(o)));
        });
    }

    private Mono<Outcome> approveFrom(Tenant tenant, ApprovalPolicy policy, Outcome o, int level, List<Account> staff) {
        if (!ItemState.AWAITING_APPROVAL.db().equals(o.state())) {
            return Mono.just(o);
        }
        Optional<Actor> approver = policy.level(level).flatMap(l -> holder(staff, l.roles()));
        return approver.map(a -> approve.approve(tenant, o.itemId(), o.version(), a, "Đồng ý.")
                        .flatMap(next -> approveFrom(tenant, policy, next, level + 1, staff)))
                .orElseGet(() -> Mono.just(o));
    }

    private static Optional<Actor> holder(List<Account> staff, Set<Role> roles) {
        return staff.stream().filter(a -> a.roles().stream().anyMatch(roles::contains)).findFirst()
                .map(a -> new Actor(a.id(), a.fullName(), a.roles()));
    }
}
