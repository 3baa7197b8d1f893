package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Checks a username and password against the tenant's own accounts, records every attempt in
 * {@code login_attempts} and slows guessing down with the {@link LoginThrottle} (never a lock).
 */
@Singleton
public class StaffLogin {

    private final TenantDatabase db;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Scheduler hashing;

    StaffLogin(TenantDatabase db, Accounts accounts, PasswordHasher hasher, LoginThrottle throttle,
               @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    /** Usernames are stored lower-case; people type them any way. */
    public static String normalizeUsername(@Nullable String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** The throttle's scope for a tenant's staff: the same username on two tenants is two accounts. */
    public static String throttleScope(Tenant tenant) {
        return "tenant:" + tenant.code();
    }

    public Mono<LoginOutcome> attempt(Tenant tenant, String username, String password, @Nullable String remote) {
        String name = normalizeUsername(username);
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return Mono.just(new LoginOutcome.Refused());
        }
        String scope = throttleScope(tenant);
        return throttle.check(scope, name, remote).flatMap(throttling -> throttling.allowed()
                ? check(tenant, scope, name, password, remote)
                // refused without looking at the account or the password: the same for every username
                : db.mono(tenant, c -> insertAttempt(c, name, false, true, remote)).thenReturn(new LoginOutcome.Throttled(throttling)));
    }

    private Mono<LoginOutcome> check(Tenant tenant, String scope, String name, String password, @Nullable String remote) {
        return db.mono(tenant, c -> accounts.findByUsername(c, name)
                        .flatMap(a -> accounts.passwordHash(c, a.id()).map(h -> new Candidate(a, h)).defaultIfEmpty(new Candidate(a, null))))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> verify(found.orElse(null), password).flatMap(ok -> ok
                        ? recordSuccess(tenant, found.orElseThrow().account(), !PasswordRules.isAcceptable(password), remote)
                                .flatMap(outcome -> throttle.succeeded(scope, name).thenReturn(outcome))
                        : recordFailure(tenant, name, remote).then(throttle.failed(scope, name, remote))
                                .thenReturn(new LoginOutcome.Refused())));
    }

    /**
     * The account a session logged in as, if it still may act: active, and with the security stamp it
     * had at login (revocation and password changes replace the stamp, ending older sessions at once).
     */
    public Mono<Account> stillSignedIn(Tenant tenant, long accountId, UUID securityStamp) {
        return db.mono(tenant, c -> accounts.findById(c, accountId))
                .filter(a -> a.isActive() && a.securityStamp().equals(securityStamp));
    }

    /** The account as it is now (for a person's own pages). */
    public Mono<Account> account(Tenant tenant, long accountId) {
        return db.mono(tenant, c -> accounts.findById(c, accountId));
    }

    private Mono<Boolean> verify(@Nullable Candidate candidate, String password) {
        return Mono.fromCallable(() -> candidate != null && candidate.account().isActive() && candidate.hash() != null
                        ? hasher.matches(password, candidate.hash())
                        : hasher.matchesNothing(password))
                .subscribeOn(hashing);
    }

    private Mono<LoginOutcome> recordSuccess(Tenant tenant, Account account, boolean passwordBreaksRules, @Nullable String remote) {
        return db.mono(tenant, c -> insertAttempt(c, account.username(), true, false, remote)
                        .then(accounts.signedIn(c, account.id(), passwordBreaksRules)))
                .map(LoginOutcome.SignedIn::new);
    }

    private Mono<Long> recordFailure(Tenant tenant, String username, @Nullable String remote) {
        return db.mono(tenant, c -> insertAttempt(c, username, false, false, remote));
    }

    /** {@code throttled}: refused by the throttle before the password was looked at (counted apart in the account report). */
    private static Mono<Long> insertAttempt(TenantTx c, String username, boolean succeeded, boolean throttled, @Nullable String remote) {
        return c.update("INSERT INTO login_attempts (username, succeeded, throttled, remote) VALUES ($1, $2, $3, $4)",
                username, succeeded, throttled, Sql.orNull(remote, String.class));
    }

    private record Candidate(Account account, @Nullable String hash) {
    }
}
