package vn.cong.workflow;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deadline dashboard: every item on its way, counted by who acts next (stage and level) and by
 * submitting unit, with the overdue ones and those due within the "due soon" window listed.
 */
@Singleton
public class DeadlineBoard {

    private final WorkflowCatalog catalog;
    private final Duration dueSoon;

    DeadlineBoard(WorkflowCatalog catalog, @Value("${cong.workflow.due-soon:6h}") Duration dueSoon) {
        this.catalog = catalog;
        this.dueSoon = dueSoon;
    }

    /** Counts of one group: items on their way, due soon, overdue. */
    public record Counts(String group, int total, int dueSoon, int overdue) {
    }

    public record Board(List<Counts> byStage, List<Counts> byUnit, List<WorkflowCatalog.QueueRow> overdue,
                        List<WorkflowCatalog.QueueRow> dueSoon, Duration window) {
    }

    public Mono<Board> board(Tenant tenant, OffsetDateTime now) {
        return catalog.inProgress(tenant).map(rows -> {
            Map<String, int[]> byStage = new LinkedHashMap<>();
            Map<String, int[]> byUnit = new TreeMap<>();
            List<WorkflowCatalog.QueueRow> overdue = new ArrayList<>();
            List<WorkflowCatalog.QueueRow> soon = new ArrayList<>();
            for (WorkflowCatalog.QueueRow row : rows) {
                OffsetDateTime due = row.run() == null ? null : row.run().dueAt();
                boolean late = due != null && due.isBefore(now);
                boolean close = due != null && !late && due.isBefore(now.plus(dueSoon));
                if (late) {
                    overdue.add(row);
                } else if (close) {
                    soon.add(row);
                }
                String stage = row.item().stateLabel() + (row.levelName() == null ? "" : " — " + row.levelName());
                count(byStage, stage, close, late);
                count(byUnit, row.run() == null || row.run().submitter().unit().isBlank() ? "(không ghi đơn vị)" : row.run().submitter().unit(),
                        close, late);
            }
            return new Board(counts(byStage), counts(byUnit), overdue, soon, dueSoon);
        });
    }

    private static void count(Map<String, int[]> groups, String key, boolean soon, boolean late) {
        int[] c = groups.computeIfAbsent(key, k -> new int[3]);
        c[0]++;
        c[1] += soon ? 1 : 0;
        c[2] += late ? 1 : 0;
    }

    private static List<Counts> counts(Map<String, int[]> groups) {
        return groups.entrySet().stream().map(e -> new Counts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }
}
