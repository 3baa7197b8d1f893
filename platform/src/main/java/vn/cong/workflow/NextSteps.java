package vn.cong.workflow;

import vn.cong.workflow.WorkflowCatalog.ItemDetail;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The steps a person may take on an item now, so that pages offer only those. The use cases keep
 * their own guards: this only decides what to show.
 */
public final class NextSteps {

    private NextSteps() {
    }

    public enum Action {
        SUBMIT, TAKE, SEND, APPROVE, RETURN, REJECT, REQUEST_OPINION, RECORD_OPINION, REQUEST_REVIEW, RECORD_REVIEW,
        PUBLISH, CORRECT, TAKE_DOWN, TAKE_DOWN_WITH_LEGAL_BASIS, ARCHIVE
    }

    public static Set<Action> of(ItemDetail d, Actor actor) {
        Set<Action> steps = EnumSet.noneOf(Action.class);
        WorkItem item = d.item();
        ApprovalPolicy policy = d.policy();
        WorkflowRun run = d.run() != null && "in_progress".equals(d.run().status()) ? d.run() : null;
        boolean editor = actor.hasAny(policy.editorRoles());
        boolean own = item.createdBy() == null || item.createdBy() == actor.id();
        boolean levelActor = run != null && run.currentLevel() != null
                && policy.level(run.currentLevel()).map(l -> actor.hasAny(l.roles())).orElse(false);
        if ((item.is(ItemState.DRAFT) || item.is(ItemState.RETURNED)) && (own || editor)) {
            steps.add(Action.SUBMIT);
        }
        if (item.is(ItemState.SUBMITTED) && editor) {
            steps.add(Action.TAKE);
        }
        if (item.is(ItemState.EDITING) && editor) {
            steps.add(Action.SEND);
        }
        if (item.is(ItemState.AWAITING_APPROVAL) && levelActor) {
            steps.addAll(Set.of(Action.APPROVE, Action.RETURN, Action.REJECT));
        }
        if ((item.is(ItemState.SUBMITTED) || item.is(ItemState.EDITING)) && editor) {
            steps.addAll(Set.of(Action.RETURN, Action.REJECT));
        }
        boolean open = run != null && (item.is(ItemState.SUBMITTED) || item.is(ItemState.EDITING)
                || item.is(ItemState.AWAITING_APPROVAL) || item.is(ItemState.APPROVED));
        if (open && actor.hasAny(RequestStep.boardRoles(policy))) {
            if (!run.opinion().needed()) {
                steps.add(Action.REQUEST_OPINION);
            } else if (run.opinion().pending()) {
                steps.add(Action.RECORD_OPINION);
            }
            if (!run.review().needed()) {
                steps.add(Action.REQUEST_REVIEW);
            } else if (run.review().pending()) {
                steps.add(Action.RECORD_REVIEW);
            }
        }
        if (item.is(ItemState.APPROVED) && actor.hasAny(policy.publisherRoles())) {
            steps.add(Action.PUBLISH);
        }
        Set<vn.cong.accounts.Role> correctors = new HashSet<>(policy.editorRoles());
        correctors.addAll(policy.publisherRoles());
        if (item.is(ItemState.PUBLISHED) && actor.hasAny(correctors)) {
            steps.add(Action.CORRECT);
        }
        if (item.is(ItemState.PUBLISHED) && actor.hasAny(policy.takedownRoles())) {
            steps.addAll(Set.of(Action.TAKE_DOWN, Action.ARCHIVE));
        }
        if (item.is(ItemState.PUBLISHED) && actor.hasAny(vn.cong.accounts.Role.HEAD)) {
            steps.add(Action.TAKE_DOWN_WITH_LEGAL_BASIS);
        }
        return steps;
    }
}
