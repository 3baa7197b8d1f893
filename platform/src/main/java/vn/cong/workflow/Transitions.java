package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.content.ContentEvents;
import vn.cong.content.ContentNotFound;
import vn.cong.content.PublishRefused;
import vn.cong.content.PublishRule;
import vn.cong.content.PublishedFingerprint;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.PublicChange;
import vn.cong.tenancy.PublicChanges;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Runs one guarded step of the workflow in one transaction: locks the item, refuses a step taken
 * from an outdated version (optimistic lock: of two people acting on the same version one wins),
 * lets the step check its guards and decide, then moves the state, bumps the version, appends the
 * event to the hash chain, notifies the next actor and, when the public sees the change, moves the
 * tenant's content version.
 */
@Singleton
class Transitions {

    private final PublicChanges changes;
    private final List<PublishRule> rules;
    private final List<ItemOutcomes> outcomes;

    Transitions(PublicChanges changes, List<PublishRule> rules, List<ItemOutcomes> outcomes) {
        this.changes = changes;
        this.rules = List.copyOf(rules);
        this.outcomes = List.copyOf(outcomes);
    }

    /** What a step sees: the locked item, its active run (or null), the policy that governs it, who acts. */
    record Situation(TenantTx c, Tenant tenant, WorkItem item, @Nullable WorkflowRun run, ApprovalPolicy policy, Actor actor) {

        WorkflowRun requireRun() {
            if (run == null) {
                throw new WorkflowRefused("Tin bài chưa được gửi vào quy trình duyệt.");
            }
            return run;
        }
    }

    /** Who hears of the step: everyone active with one of {@code roles}, and/or one account. */
    record Notice(Set<Role> roles, @Nullable Long accountId, String message) {

        static Notice none() {
            return new Notice(Set.of(), null, "");
        }

        static Notice toRoles(Set<Role> roles, String message) {
            return new Notice(roles, null, message);
        }

        static Notice toAccount(@Nullable Long accountId, String message) {
            return new Notice(Set.of(), accountId, message);
        }
    }

    /** What a step decided. {@code publishAt} is the time of a scheduled (or back-dated) publication. */
    record Change(ItemState to, String action, @Nullable Integer level, @Nullable String comment, @Nullable String reasonCode,
                  Notice notice, @Nullable OffsetDateTime publishAt) {

        static Change to(ItemState to, String action, @Nullable String comment, Notice notice) {
            return new Change(to, action, null, comment, null, notice, null);
        }

        Change atLevel(@Nullable Integer lvl) {
            return new Change(to, action, lvl, comment, reasonCode, notice, publishAt);
        }

        Change because(String code) {
            return new Change(to, action, level, comment, code, notice, publishAt);
        }

        Change publishingAt(@Nullable OffsetDateTime at) {
            return new Change(to, action, level, comment, reasonCode, notice, at);
        }
    }

    @FunctionalInterface
    interface Step {
        Mono<Change> decide(Situation s);
    }

    Mono<Outcome> apply(Tenant tenant, long itemId, int expectedVersion, Actor actor, Step step) {
        return changes.inTenant(tenant, (c, publicChange) -> c.one("SELECT " + WorkItem.COLUMNS + " FROM content_items i WHERE i.id = $1 FOR UPDATE",
                                WorkItem::of, itemId)
                        .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                        .flatMap(item -> item.version() != expectedVersion
                                ? Mono.error(new WorkflowConflict(expectedVersion, item.version(), item.stateLabel()))
                                : activeRun(c, itemId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(run -> (run.isPresent() ? WorkflowPolicies.load(c, run.get().policyCode()) : WorkflowPolicies.current(c))
                                        .flatMap(policy -> Mono.defer(() -> step.decide(new Situation(c, tenant, item, run.orElse(null), policy, actor))))
                                        .flatMap(change -> record(c, publicChange, tenant, item, change, actor.id())))));
    }

    static Mono<WorkflowRun> activeRun(TenantTx c, long itemId) {
        return c.one("SELECT " + WorkflowRun.COLUMNS + " FROM workflow_runs r WHERE r.item_id = $1 AND r.status = 'in_progress'",
                WorkflowRun::of, itemId);
    }

    /** Writes a decided change of a locked item (also used by the scheduled-publishing job, without an actor). */
    Mono<Outcome> record(TenantTx c, PublicChange publicChange, Tenant tenant, WorkItem item, Change change, @Nullable Long actorId) {
        ItemState to = change.to();
        boolean seenByThePublic = to == ItemState.PUBLISHED || to == ItemState.TAKEN_DOWN || to == ItemState.ARCHIVED || item.is(ItemState.PUBLISHED);
        return publishRules(c, item, to, actorId).then(c.one("""
                                UPDATE content_items SET state = $2, version = version + 1, updated_by = $3, updated_at = now(),
                                    published_at = CASE WHEN $2 = 'scheduled' THEN $4
                                                        WHEN $2 = 'published' THEN coalesce($4, published_at, now())
                                                        ELSE published_at END
                                WHERE id = $1 RETURNING version""", r -> r.get(0, Integer.class),
                        item.id(), to.db(), Sql.orNull(actorId, Long.class), Sql.orNull(change.publishAt(), OffsetDateTime.class))
                .flatMap(version -> (to == ItemState.PUBLISHED ? PublishedFingerprint.record(c, item.id()) : Mono.just(""))
                        .flatMap(hash -> ContentEvents.append(c, new ContentEvents.Event(item.id(), actorId, item.state(), to.db(),
                                change.action(), change.level(), change.comment(), change.reasonCode(), hash.isEmpty() ? null : hash)))
                        .then(finishRun(c, item.id(), to))
                        .then(notify(c, item.id(), item.title(), change.notice(), actorId))
                        .then(Flux.fromIterable(outcomes).concatMap(o -> o.after(c, tenant, item, to, actorId, change.comment(), change.reasonCode()))
                                .then(Mono.just(0L)))
                        .then(seenByThePublic ? publicChange.pagesOf(tenant) : Mono.just(0L))
                        .thenReturn(new Outcome(item.id(), version, to.db()))));
    }

    /**
     * The content kinds' conditions for going online (e.g. a document's .pdf and .doc/.docx) hold on
     * the workflow's path too: checked when a person publishes or schedules. The scheduled-publishing
     * job (no actor) publishes what was checked when it was scheduled, so a due item never sticks.
     */
    private Mono<Void> publishRules(TenantTx c, WorkItem item, ItemState to, @Nullable Long actorId) {
        if (actorId == null || (to != ItemState.PUBLISHED && to != ItemState.SCHEDULED)) {
            return Mono.empty();
        }
        return Flux.fromIterable(rules).concatMap(rule -> rule.check(c, item.id(), item.kind()))
                .then()
                .onErrorMap(PublishRefused.class, e -> new WorkflowRefused(e.getMessage()));
    }

    private static Mono<Long> finishRun(TenantTx c, long itemId, ItemState to) {
        if (to != ItemState.PUBLISHED && to != ItemState.REJECTED) {
            return Mono.just(0L);
        }
        return c.update("""
                        UPDATE workflow_runs SET status = $2, finished_at = now(), current_level = NULL
                        WHERE item_id = $1 AND status = 'in_progress'""",
                itemId, to == ItemState.REJECTED ? "rejected" : "finished");
    }

    /** Notifies everyone active the notice names, except the actor. */
    static Mono<Long> notify(TenantTx c, long itemId, String title, Notice notice, @Nullable Long actorId) {
        if (notice.roles().isEmpty() && notice.accountId() == null) {
            return Mono.just(0L);
        }
        return c.update("""
                        INSERT INTO notifications (account_id, item_id, message)
                        SELECT id, $1, $2 FROM accounts
                        WHERE status = 'active' AND id <> $3 AND (roles && $4::text[] OR id = $5)""",
                itemId, notice.message() + ": «" + title + "»", actorId == null ? -1L : actorId,
                notice.roles().stream().map(Role::db).toArray(String[]::new), notice.accountId() == null ? -1L : notice.accountId());
    }
}
