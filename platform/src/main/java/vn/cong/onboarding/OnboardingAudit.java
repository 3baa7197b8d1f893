package vn.cong.onboarding;

import vn.cong.ops.OperatorAudit;
import vn.cong.tenancy.TenantLifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit trail keeps of onboarding and lifecycle changes (the same from the API and the console). */
public final class OnboardingAudit {

    private OnboardingAudit() {
    }

    public static Map<String, Object> details(OnboardingReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("created", report.created());
        details.put("updated", report.updated());
        details.put("migration", report.migrationStatus());
        if (!report.isValid()) {
            details.put("errors", report.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
        }
        return details;
    }

    public static Map<String, Object> details(TenantLifecycle.StatusChange change) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", change.from() == null ? null : change.from().db());
        details.put("to", change.to().db());
        details.put("result", change.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return details;
    }

    public static OperatorAudit.Outcome outcomeOf(TenantLifecycle.StatusChange change) {
        return switch (change.outcome()) {
            case CHANGED, UNCHANGED -> OperatorAudit.Outcome.OK;
            case NOT_ALLOWED, UNKNOWN_TENANT -> OperatorAudit.Outcome.REFUSED;
        };
    }
}
