package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** What staff read of the workflow: an item with its run and history, their queue, their own items. */
@Singleton
public class WorkflowCatalog {

    private static final String QUEUE_LIMIT = " LIMIT 300";

    private final TenantDatabase db;
    private final ItemDeadlines deadlines;

    public WorkflowCatalog(TenantDatabase db, ItemDeadlines deadlines) {
        this.db = db;
        this.deadlines = deadlines;
    }

    /** One event of an item's history, with the actor's name as it is now. */
    public record HistoryEntry(long seq, OffsetDateTime at, @Nullable String actor, @Nullable String from, String to,
                               @Nullable String action, @Nullable Integer level, @Nullable String comment,
                               @Nullable String reasonCode) {
    }

    public record Correction(OffsetDateTime at, String note, int oldVersion, int newVersion) {
    }

    /** Everything the item page shows. */
    public record ItemDetail(WorkItem item, @Nullable WorkflowRun run, ApprovalPolicy policy, List<HistoryEntry> history,
                             List<Correction> corrections, List<ItemDeadlines.Deadline> deadlines) {
    }

    /** A line of a queue or list. */
    public record QueueRow(WorkItem item, @Nullable WorkflowRun run, @Nullable String levelName) {
    }

    public Mono<Optional<ItemDetail>> item(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.query("SELECT " + WorkItem.COLUMNS + ", " + WorkflowRun.COLUMNS + "\n" + """
                                 FROM content_items i LEFT JOIN LATERAL (
                                     SELECT * FROM workflow_runs x WHERE x.item_id = i.id ORDER BY (x.status = 'in_progress') DESC, x.id DESC LIMIT 1
                                 ) r ON true WHERE i.id = $1""",
                        r -> new QueueRow(WorkItem.of(r), WorkflowRun.of(r), null), id)
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(Optional.<ItemDetail>empty()) : Mono.defer(() -> {
                    QueueRow row = rows.get(0);
                    return (row.run() == null ? WorkflowPolicies.current(c) : WorkflowPolicies.load(c, row.run().policyCode()))
                            .flatMap(policy -> c.query("""
                                                    SELECT e.chain_seq, e.at, coalesce(nullif(a.full_name, ''), a.username) AS actor, e.from_state,
                                                           e.to_state, e.action, e.level, e.comment, e.reason_code
                                                    FROM content_events e LEFT JOIN accounts a ON a.id = e.actor_id
                                                    WHERE e.item_id = $1 ORDER BY e.chain_seq""",
                                            r -> new HistoryEntry(r.get(0, Long.class), r.get(1, OffsetDateTime.class), r.get(2, String.class),
                                                    r.get(3, String.class), r.get(4, String.class), r.get(5, String.class),
                                                    r.get(6, Integer.class), r.get(7, String.class), r.get(8, String.class)), id)
                                    .collectList()
                                    .flatMap(history -> corrections(c, id).map(corrections -> Optional.of(new ItemDetail(row.item(),
                                            row.run(), policy, history, corrections, deadlinesOf(row, policy))))));
                })));
    }

    private List<ItemDeadlines.Deadline> deadlinesOf(QueueRow row, ApprovalPolicy policy) {
        WorkflowRun run = row.run();
        if (run == null) {
            return List.of();
        }
        return deadlines.of(policy.deadlinePreset(), policy.deadlineReadings(), row.item().kind(), run.timing());
    }

    private static Mono<List<Correction>> corrections(TenantTx c, long id) {
        return c.query("SELECT corrected_at, note, old_version, new_version FROM content_corrections WHERE item_id = $1 ORDER BY corrected_at",
                r -> new Correction(r.get(0, OffsetDateTime.class), r.get(1, String.class), r.get(2, Integer.class),
                        r.get(3, Integer.class)), id).collectList();
    }

    /** Items whose next step is this person's, by their roles and the level each item waits at; soonest due first. */
    public Mono<List<QueueRow>> waitingFor(Tenant tenant, Actor actor) {
        return db.flux(tenant, c -> c.query("SELECT " + WorkItem.COLUMNS + ", " + WorkflowRun.COLUMNS + ", l.name AS level_name\n"
                        + """
                         FROM content_items i
                        JOIN workflow_runs r ON r.item_id = i.id AND r.status = 'in_progress'
                        JOIN workflow_policies p ON p.code = r.policy_code
                        LEFT JOIN workflow_levels l ON l.policy_code = r.policy_code AND l.position = r.current_level
                        WHERE (i.state IN ('submitted', 'editing') AND p.editor_roles && $1::text[])
                           OR (i.state = 'awaiting_approval' AND l.roles && $1::text[])
                           OR (i.state = 'approved' AND p.publisher_roles && $1::text[])
                           OR (i.state = 'returned' AND r.submitted_by = $2)
                        ORDER BY r.due_at NULLS LAST, i.id""" + QUEUE_LIMIT,
                WorkflowCatalog::row, actor.roleNames(), actor.id())).collectList();
    }

    /** What this person wrote or submitted, newest first. */
    public Mono<List<QueueRow>> mine(Tenant tenant, long accountId) {
        return db.flux(tenant, c -> c.query("SELECT " + WorkItem.COLUMNS + ", " + WorkflowRun.COLUMNS + ", l.name AS level_name\n"
                        + """
                         FROM content_items i
                        LEFT JOIN LATERAL (SELECT * FROM workflow_runs x WHERE x.item_id = i.id ORDER BY x.id DESC LIMIT 1) r ON true
                        LEFT JOIN workflow_levels l ON l.policy_code = r.policy_code AND l.position = r.current_level
                        WHERE i.created_by = $1 OR r.submitted_by = $1
                        ORDER BY i.updated_at DESC, i.id DESC""" + QUEUE_LIMIT,
                WorkflowCatalog::row, accountId)).collectList();
    }

    /** Every item on its way (active run), for the deadline board. */
    public Mono<List<QueueRow>> inProgress(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT " + WorkItem.COLUMNS + ", " + WorkflowRun.COLUMNS + ", l.name AS level_name\n"
                        + """
                         FROM content_items i
                        JOIN workflow_runs r ON r.item_id = i.id AND r.status = 'in_progress'
                        LEFT JOIN workflow_levels l ON l.policy_code = r.policy_code AND l.position = r.current_level
                        ORDER BY r.due_at NULLS LAST, i.id LIMIT 1000""",
                WorkflowCatalog::row)).collectList();
    }

    private static QueueRow row(Readable r) {
        return new QueueRow(WorkItem.of(r), WorkflowRun.of(r), r.get("level_name", String.class));
    }
}
