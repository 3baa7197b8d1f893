package vn.cong.reports.accounts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a tenant's records say about its accounts in one period: every figure counted from the login
 * attempts, the audit log, the accounts' states and the platform's integrity checks and uptime incidents.
 */
public record AccountActivity(ReportPeriod period, Figures figures, List<FailedLogins> failedByUsername,
                              List<AccountEvent> events, List<DormantAccount> dormantNow) {

    public AccountActivity {
        failedByUsername = List.copyOf(failedByUsername);
        events = List.copyOf(events);
        dormantNow = List.copyOf(dormantNow);
    }

    public record Figures(long logins, long accountsSignedIn, long failedLogins, long throttledAttempts,
                          long accountsCreated, long accountsChanged, long privilegeChanges, long revocations,
                          long reactivations, long turnedDormant, long credentialResets, long credentialsReported,
                          long dormantAtEnd, long activeAtEnd, long integrityChecks, long integrityFindings, long incidents) {
    }

    /** Failed and throttled attempts for one typed username (which may not be an account at all). */
    public record FailedLogins(String username, long failed, long throttled, OffsetDateTime last) {
    }

    /** One account entry of the audit log: what happened, to whom, by whom. */
    public record AccountEvent(OffsetDateTime at, String action, String username, String actor) {
    }

    public record DormantAccount(String username, String fullName, OffsetDateTime lastLogin) {
    }
}
