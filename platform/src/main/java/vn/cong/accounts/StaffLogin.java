package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Connection;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Checks a username and password against the tenant's own accounts, records every attempt in
 * {@code login_attempts} and locks an account after too many failures ({@link LockoutPolicy}).
 */
@Singleton
public class StaffLogin {

    private static final Logger LOG = LoggerFactory.getLogger(StaffLogin.class);

    private final TenantDatabase db;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LockoutPolicy policy;
    private final Scheduler hashing;

    StaffLogin(TenantDatabase db, Accounts accounts, PasswordHasher hasher, LockoutPolicy policy,
               @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    /** Usernames are stored lower-case; people type them any way. */
    public static String normalizeUsername(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public Mono<LoginOutcome> attempt(Tenant tenant, String username, String password, @Nullable String remote) {
        String name = normalizeUsername(username);
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return Mono.just(new LoginOutcome.Refused());
        }
        return db.mono(tenant, c -> accounts.findByUsername(c, name)
                        .flatMap(a -> accounts.passwordHash(c, a.id()).map(h -> new Candidate(a, h)).defaultIfEmpty(new Candidate(a, null))))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    Candidate candidate = found.orElse(null);
                    if (candidate != null && candidate.account().isLockedAt(Instant.now())) {
                        // refused without looking at the password: a correct one changes nothing during a lock
                        return recordFailure(tenant, name, remote).thenReturn(new LoginOutcome.Locked(candidate.account().lockedUntil()));
                    }
                    return verify(candidate, password).flatMap(ok -> ok
                            ? recordSuccess(tenant, candidate.account(), remote)
                            : recordFailure(tenant, name, remote));
                });
    }

    /**
     * The account a session logged in as, if it still may act: active, and with the security stamp it
     * had at login (revocation and password changes replace the stamp, ending older sessions at once).
     */
    public Mono<Account> stillSignedIn(Tenant tenant, long accountId, UUID securityStamp) {
        return db.mono(tenant, c -> accounts.findById(c, accountId))
                .filter(a -> a.isActive() && a.securityStamp().equals(securityStamp));
    }

    private Mono<Boolean> verify(@Nullable Candidate candidate, String password) {
        return Mono.fromCallable(() -> candidate != null && candidate.account().isActive() && candidate.hash() != null
                        ? hasher.matches(password, candidate.hash())
                        : hasher.matchesNothing(password))
                .subscribeOn(hashing);
    }

    private Mono<LoginOutcome> recordSuccess(Tenant tenant, Account account, @Nullable String remote) {
        return db.mono(tenant, c -> insertAttempt(c, account.username(), true, remote)
                .then(accounts.clearLock(c, account.id())))
                .thenReturn(new LoginOutcome.SignedIn(account));
    }

    /** Records the failure and locks the account when it is the one too many. */
    private Mono<LoginOutcome> recordFailure(Tenant tenant, String username, @Nullable String remote) {
        return db.mono(tenant, c -> insertAttempt(c, username, false, remote)
                        .then(recentFailures(c, username))
                        .flatMap(failures -> failures >= policy.maxFailures()
                                ? accounts.lockUntil(c, username, policy.duration().toSeconds())
                                        .doOnNext(until -> LOG.warn("Account {} of tenant {} locked until {} after {} failed logins",
                                                username, tenant.code(), until, failures))
                                        .<LoginOutcome>map(until -> new LoginOutcome.Locked(until.toInstant()))
                                : Mono.empty()))
                .defaultIfEmpty(new LoginOutcome.Refused());
    }

    private static Mono<Long> insertAttempt(Connection c, String username, boolean succeeded, @Nullable String remote) {
        return Sql.update(c, "INSERT INTO login_attempts (username, succeeded, remote) VALUES ($1, $2, $3)",
                username, succeeded, Sql.orNull(remote, String.class));
    }

    /** Failures inside the window that came after the last success and after the last lock ended. */
    private Mono<Long> recentFailures(Connection c, String username) {
        return Sql.one(c, """
                SELECT count(*) FROM login_attempts
                WHERE username = $1 AND NOT succeeded
                  AND at > now() - $2 * interval '1 second'
                  AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE username = $1 AND succeeded), '-infinity')
                  AND at > COALESCE((SELECT locked_until FROM accounts WHERE username = $1), '-infinity')""",
                r -> r.get(0, Long.class), username, policy.window().toSeconds());
    }

    private record Candidate(Account account, @Nullable String hash) {
    }
}
