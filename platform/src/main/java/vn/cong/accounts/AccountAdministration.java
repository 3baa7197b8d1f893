package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * A tenant admin's work on the tenant's accounts. Every change is written to the tenant's
 * {@code audit_log} in the same transaction, with the acting account as actor.
 */
@Singleton
public class AccountAdministration {

    private final TenantDatabase db;
    private final Accounts accounts;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final AccountSettings settings;
    private final Scheduler hashing;

    AccountAdministration(TenantDatabase db, Accounts accounts, AuditLog audit, PasswordHasher hasher,
                          AccountSettings settings, @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.settings = settings;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    public Flux<Account> list(Tenant tenant) {
        return db.flux(tenant, accounts::listAll);
    }

    public Mono<Account> find(Tenant tenant, long id) {
        return db.mono(tenant, c -> accounts.findById(c, id));
    }

    /**
     * Creates an account with an initial password, or, when {@code initialPassword} is null, with a
     * one-time set-password link. Empty when the username is already taken in this tenant.
     */
    public Mono<CredentialIssued> create(Tenant tenant, long actorId, AccountDetails details, Set<Role> roles,
                                         @Nullable String initialPassword) {
        return credential(initialPassword).flatMap(issued -> db.mono(tenant, c -> accounts.insert(c, details, roles, issued.credential())
                .flatMap(id -> audit.record(c, actorId, "account.created", details(id, details.username(),
                                "roles", roleNames(roles), "credential", issued.kind()))
                        .thenReturn(new CredentialIssued(id, issued.token())))));
    }

    /** Changes details and roles. Empty when there is no such account. */
    public Mono<Account> update(Tenant tenant, long actorId, long id, AccountDetails details, Set<Role> roles) {
        return db.mono(tenant, c -> accounts.findById(c, id).flatMap(before -> accounts.updateDetails(c, id, details, roles)
                .then(audit.record(c, actorId, "account.updated",
                        details(id, before.username(), "changes", changes(before, details, roles))))
                .then(accounts.findById(c, id))));
    }

    /**
     * Replaces an active account's password (or issues a new set-password link when {@code newPassword}
     * is null). The account's live sessions end. Empty when there is no such active account.
     */
    public Mono<CredentialIssued> resetPassword(Tenant tenant, long actorId, long id, @Nullable String newPassword) {
        return credential(newPassword).flatMap(issued -> db.mono(tenant, c -> accounts.findById(c, id)
                .flatMap(account -> accounts.replaceCredential(c, id, issued.credential())
                        .filter(updated -> updated > 0)
                        .flatMap(updated -> audit.record(c, actorId, "account.password_reset",
                                details(id, account.username(), "credential", issued.kind())))
                        .thenReturn(new CredentialIssued(id, issued.token())))));
    }

    /** Re-activates a dormant account (disabled by {@link DormantAccounts}); it may log in again. */
    public Mono<Boolean> reactivate(Tenant tenant, long actorId, long id) {
        return db.mono(tenant, c -> accounts.findById(c, id)
                .flatMap(account -> accounts.reactivate(c, id).filter(n -> n > 0)
                        .flatMap(n -> audit.record(c, actorId, "account.reactivated", details(id, account.username())))
                        .thenReturn(true)))
                .defaultIfEmpty(false);
    }

    /** Revokes an active account: it can no longer log in and its live sessions end at once. */
    public Mono<Boolean> revoke(Tenant tenant, long actorId, long id) {
        return db.mono(tenant, c -> accounts.findById(c, id)
                .flatMap(account -> accounts.revoke(c, id).filter(n -> n > 0)
                        .flatMap(n -> audit.record(c, actorId, "account.revoked", details(id, account.username())))
                        .thenReturn(true)))
                .defaultIfEmpty(false);
    }

    /** The tenant's account policy (see {@code account_settings}). */
    public record Policy(boolean mfaForLeaders, boolean securityBriefing) {
    }

    public Mono<Policy> policy(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT mfa_required_for_leaders, briefing_required FROM account_settings",
                r -> new Policy(Boolean.TRUE.equals(r.get(0, Boolean.class)), Boolean.TRUE.equals(r.get(1, Boolean.class)))));
    }

    /** The tenant admin sets the account policy; a change is in the audit log with both values. */
    public Mono<Policy> changePolicy(Tenant tenant, long actorId, Policy policy) {
        return db.mono(tenant, c -> c.one("SELECT mfa_required_for_leaders, briefing_required FROM account_settings",
                        r -> new Policy(Boolean.TRUE.equals(r.get(0, Boolean.class)), Boolean.TRUE.equals(r.get(1, Boolean.class))))
                .flatMap(before -> before.equals(policy) ? Mono.just(policy) : c.update("UPDATE account_settings SET mfa_required_for_leaders = $1, briefing_required = $2",
                                policy.mfaForLeaders(), policy.securityBriefing())
                        .then(audit.record(c, actorId, "account.policy_changed", Map.of(
                                "mfa_for_leaders", Map.of("from", before.mfaForLeaders(), "to", policy.mfaForLeaders()),
                                "security_briefing", Map.of("from", before.securityBriefing(), "to", policy.securityBriefing()))))
                        .thenReturn(policy)));
    }

    private Mono<IssuedCredential> credential(@Nullable String password) {
        if (password != null) {
            return Mono.fromCallable(() -> new IssuedCredential(Credential.password(hasher.hash(password)), null, "password"))
                    .subscribeOn(hashing);
        }
        String token = SetPasswordTokens.newToken();
        return Mono.just(new IssuedCredential(
                Credential.setPasswordLink(token, OffsetDateTime.now().plus(settings.setPasswordValidity())), token, "set_password_link"));
    }

    private static Map<String, Object> details(long id, String username, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("account_id", id);
        d.put("username", username);
        for (int i = 0; i + 1 < more.length; i += 2) {
            d.put((String) more[i], more[i + 1]);
        }
        return d;
    }

    private static Map<String, Object> changes(Account before, AccountDetails after, Set<Role> roles) {
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "email", before.email(), after.email());
        change(changes, "full_name", before.fullName(), after.fullName());
        change(changes, "unit", before.unit(), after.unit());
        change(changes, "job_title", before.jobTitle(), after.jobTitle());
        change(changes, "phone", before.phone(), after.phone());
        change(changes, "roles", roleNames(before.roles()), roleNames(roles));
        return changes;
    }

    private static void change(Map<String, Object> changes, String field, Object from, Object to) {
        if (!from.equals(to)) {
            changes.put(field, Map.of("from", from, "to", to));
        }
    }

    private static List<String> roleNames(Set<Role> roles) {
        return List.of(Accounts.roleArray(roles));
    }

    /** The new credential; {@code setPasswordToken} is the one-time link's token, to be shown once. */
    public record CredentialIssued(long accountId, @Nullable String setPasswordToken) {
    }

    private record IssuedCredential(Credential credential, @Nullable String token, String kind) {
    }
}
