package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

/** The task rows of a run (one per level it reaches) and the run's current level, kept together. */
final class ApprovalTasks {

    private ApprovalTasks() {
    }

    /** Opens the task of {@code level}; the run now waits there. */
    static Mono<Long> open(TenantTx c, long runId, int level) {
        return c.update("INSERT INTO workflow_tasks (run_id, level) VALUES ($1, $2)", runId, level)
                .then(c.update("UPDATE workflow_runs SET current_level = $2 WHERE id = $1", runId, level));
    }

    /** Closes the open task (approved, returned or rejected); the run waits at no level. */
    static Mono<Long> close(TenantTx c, long runId, String status, long actorId, @Nullable String comment) {
        return c.update("""
                        UPDATE workflow_tasks SET status = $2, finished_at = now(), finished_by = $3, comment = $4
                        WHERE run_id = $1 AND status = 'in_progress'""", runId, status, actorId, Sql.orNull(comment, String.class))
                .then(c.update("UPDATE workflow_runs SET current_level = NULL WHERE id = $1", runId));
    }
}
