package vn.cong.ops.integrity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One integrity check as recorded: who or what started it, how far it got, what it found.
 * {@code status}: running, clean, findings (something changed outside the workflow) or failed
 * (the check itself could not run). Times are ISO-8601 in Vietnam time.
 */
@Serdeable
public record IntegrityRun(long id, String trigger, @Nullable String tenantCode, @Nullable String requestedBy,
                           String status, int tenantsChecked, long itemsChecked, long eventsChecked, int findingsCount,
                           @Nullable String error, String startedAt, @Nullable String finishedAt,
                           List<IntegrityFinding> findings) {

    public IntegrityRun {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return "clean".equals(status);
    }

    public IntegrityRun withFindings(List<IntegrityFinding> all) {
        return new IntegrityRun(id, trigger, tenantCode, requestedBy, status, tenantsChecked, itemsChecked, eventsChecked,
                findingsCount, error, startedAt, finishedAt, all);
    }
}
