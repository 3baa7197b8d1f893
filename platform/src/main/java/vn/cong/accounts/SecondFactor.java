package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;

/**
 * A staff account's second factor: enrolment (a secret shown once as text and QR code, switched on only
 * when a code from it is typed back), the check at login (a TOTP code or one of ten one-time recovery
 * codes, throttled like passwords), and the reset of a lost device by the tenant admin. Every change is in
 * the tenant's {@code audit_log}, in the same transaction.
 */
@Singleton
public class SecondFactor {

    private final TenantDatabase db;
    private final Totp totp;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final Scheduler hashing;

    SecondFactor(TenantDatabase db, Totp totp, PasswordHasher hasher, LoginThrottle throttle, AuditLog audit, Clock clock,
                 @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.totp = totp;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    /** The secret being enrolled and the address its QR code carries. */
    public record Enrolment(String secret, String uri) {
    }

    /** What the second step of a login found. */
    public sealed interface Check {
        /** {@code recoveryCodesLeft} is set when a recovery code was spent. */
        record Accepted(@Nullable Integer recoveryCodesLeft) implements Check {
        }

        record Refused() implements Check {
        }

        record Throttled(Throttling throttling) implements Check {
        }
    }

    /** The throttle's scope for second steps: separate from passwords, the same rules. */
    public static String throttleScope(Tenant tenant) {
        return "mfa:" + StaffLogin.throttleScope(tenant);
    }

    /**
     * The secret the account is enrolling with: the one already shown if enrolment was started (a reload
     * shows the same QR code), otherwise a new one. Empty when the account has a second factor already.
     */
    public Mono<Enrolment> enrolment(Tenant tenant, long accountId) {
        String fresh = totp.newSecret();
        return db.mono(tenant, c -> c.one("""
                        UPDATE accounts SET totp_pending_secret = COALESCE(totp_pending_secret, $2)
                        WHERE id = $1 AND totp_enabled_at IS NULL AND status = 'active'
                        RETURNING totp_pending_secret, username""",
                        r -> new String[] {r.get(0, String.class), r.get(1, String.class)}, accountId, fresh))
                .map(row -> new Enrolment(row[0], totp.uri(issuer(tenant), row[1], row[0])));
    }

    /** The issuer an authenticator app shows: the portal's abbreviation, so two portals' entries differ. */
    static String issuer(Tenant tenant) {
        return "Cổng " + tenant.abbreviation();
    }

    /**
     * Switches the second factor on when {@code code} is the current code of the secret being enrolled, with
     * ten new recovery codes (returned once, stored as Argon2id hashes). Empty when the code is wrong.
     */
    public Mono<List<String>> confirm(Tenant tenant, long accountId, String code) {
        return db.mono(tenant, c -> c.one("SELECT totp_pending_secret FROM accounts WHERE id = $1 AND totp_pending_secret IS NOT NULL"
                        + " AND totp_enabled_at IS NULL", r -> r.get(0, String.class), accountId))
                .flatMap(secret -> {
                    OptionalLong step = totp.matchingStep(secret, code, null);
                    if (step.isEmpty()) {
                        return Mono.empty();
                    }
                    List<String> codes = totp.newRecoveryCodes();
                    return hashAll(codes).flatMap(hashes -> db.mono(tenant, c -> c.update("""
                                    UPDATE accounts SET totp_secret = $2, totp_enabled_at = $3, totp_last_step = $4,
                                                        totp_pending_secret = NULL, updated_at = now()
                                    WHERE id = $1 AND totp_pending_secret = $2 AND totp_enabled_at IS NULL""",
                                    accountId, secret, now(), step.getAsLong())
                            .filter(n -> n > 0)
                            .flatMap(n -> replaceRecoveryCodes(c, accountId, hashes))
                            .flatMap(n -> audit.record(c, accountId, "account.mfa_enabled", Map.of("account_id", accountId)))
                            .thenReturn(codes)));
                });
    }

    /**
     * The second step of a login for an account with a second factor: a TOTP code (never one accepted
     * before) or an unused recovery code, which is then spent. Failures count towards the throttle.
     */
    public Mono<Check> check(Tenant tenant, Account account, @Nullable String typed, @Nullable String remote) {
        String scope = throttleScope(tenant);
        return throttle.check(scope, account.username(), remote).flatMap(throttling -> {
            if (!throttling.allowed()) {
                return Mono.just((Check) new Check.Throttled(throttling));
            }
            Mono<Optional<Integer>> accepted = Totp.looksLikeTotp(typed)
                    ? totpAccepted(tenant, account.id(), typed).map(ok -> ok ? Optional.of(-1) : Optional.<Integer>empty())
                    : recoveryCodeAccepted(tenant, account.id(), Totp.normalizedRecoveryCode(typed));
            return accepted.flatMap(found -> found.isPresent()
                    ? throttle.succeeded(scope, account.username())
                            .thenReturn((Check) new Check.Accepted(found.get() < 0 ? null : found.get()))
                    : throttle.failed(scope, account.username(), remote).thenReturn((Check) new Check.Refused()));
        });
    }

    private Mono<Boolean> totpAccepted(Tenant tenant, long accountId, String typed) {
        return db.mono(tenant, c -> c.one("SELECT totp_secret, totp_last_step FROM accounts WHERE id = $1 AND totp_secret IS NOT NULL",
                        r -> new Object[] {r.get(0, String.class), r.get(1, Long.class)}, accountId)
                .flatMap(row -> {
                    OptionalLong step = totp.matchingStep((String) row[0], typed, (Long) row[1]);
                    // the guard in the WHERE clause keeps two concurrent uses of one code from both passing
                    return step.isEmpty() ? Mono.just(false) : c.update("""
                            UPDATE accounts SET totp_last_step = $2
                            WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)""", accountId, step.getAsLong())
                            .map(n -> n > 0);
                }))
                .defaultIfEmpty(false);
    }

    /** The number of unused codes left after spending the one typed; empty when it is none of them. */
    private Mono<Optional<Integer>> recoveryCodeAccepted(Tenant tenant, long accountId, String code) {
        if (code.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return db.flux(tenant, c -> c.query("SELECT id, code_hash FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL ORDER BY id",
                        r -> new Object[] {r.get(0, Long.class), r.get(1, String.class)}, accountId))
                .collectList()
                .flatMap(rows -> Mono.fromCallable(() -> rows.stream().filter(row -> hasher.matches(code, (String) row[1]))
                        .map(row -> (Long) row[0]).findFirst()).subscribeOn(hashing))
                .flatMap(match -> match.isEmpty() ? Mono.just(Optional.<Integer>empty()) : db.mono(tenant, c -> c.update("UPDATE recovery_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL", match.get(), now())
                        .filter(n -> n > 0)
                        .flatMap(n -> c.one("SELECT count(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL",
                                r -> r.get(0, Long.class).intValue(), accountId))
                        .flatMap(left -> audit.record(c, accountId, "account.mfa_recovery_code_used",
                                        Map.of("account_id", accountId, "codes_left", left))
                                .thenReturn(Optional.of(left))))
                        .defaultIfEmpty(Optional.empty()));
    }

    /**
     * A lost device: the tenant admin switches the account's second factor off (its recovery codes go too,
     * its sessions end); the account enrols again at its next login when its roles need one. Empty when
     * there is no such account.
     */
    public Mono<Boolean> reset(Tenant tenant, long actorId, long accountId) {
        return db.mono(tenant, c -> c.one("SELECT username, totp_enabled_at IS NOT NULL FROM accounts WHERE id = $1",
                        r -> new Object[] {r.get(0, String.class), r.get(1, Boolean.class)}, accountId)
                .flatMap(row -> clear(c, accountId)
                        .then(audit.record(c, actorId, "account.mfa_reset",
                                Map.of("account_id", accountId, "username", row[0], "was_enabled", row[1])))
                        .thenReturn(true)));
    }

    /**
     * The platform operator resets a tenant admin's second factor (a tenant whose only admin lost the
     * device): only an account with the tenant admin role, recorded in the tenant's audit log with the
     * operator's name (the operator's own audit trail records it too). False when there is no such admin.
     */
    public Mono<Boolean> resetTenantAdmin(Tenant tenant, String username, String operator) {
        return db.mono(tenant, c -> c.one("SELECT id FROM accounts WHERE username = $1 AND 'tenant_admin' = ANY (roles)",
                        r -> r.get(0, Long.class), StaffLogin.normalizeUsername(username))
                .flatMap(id -> clear(c, id)
                        .then(audit.record(c, null, "account.mfa_reset",
                                Map.of("account_id", id, "username", StaffLogin.normalizeUsername(username), "by_operator", operator)))
                        .thenReturn(true)))
                .defaultIfEmpty(false);
    }

    /** Switches the second factor off in the caller's transaction and ends the account's sessions (new stamp). */
    static Mono<Long> clear(TenantTx c, long accountId) {
        return c.update("""
                        UPDATE accounts SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
                                            totp_last_step = NULL, security_stamp = gen_random_uuid(), updated_at = now()
                        WHERE id = $1""", accountId)
                .then(c.update("DELETE FROM recovery_codes WHERE account_id = $1", accountId));
    }

    private Mono<Long> replaceRecoveryCodes(TenantTx c, long accountId, List<String> hashes) {
        return c.update("DELETE FROM recovery_codes WHERE account_id = $1", accountId)
                .thenMany(Flux.fromIterable(hashes).concatMap(hash -> c.update("INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)", accountId, hash)))
                .count();
    }

    private Mono<List<String>> hashAll(List<String> codes) {
        return Mono.fromCallable(() -> codes.stream().map(code -> hasher.hash(Totp.normalizedRecoveryCode(code))).toList())
                .subscribeOn(hashing);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
