package vn.cong.accounts;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * A signed-in person changes their own password: the current one first, then a new one that keeps the
 * {@link PasswordRules} and differs from the current one. The security stamp changes, so every other
 * session of the account ends; the caller signs the current browser in again with the returned account.
 */
@Singleton
public class PasswordChange {

    private final TenantDatabase db;
    private final Accounts accounts;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Scheduler hashing;

    PasswordChange(TenantDatabase db, Accounts accounts, AuditLog audit, PasswordHasher hasher,
                   @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    /** What came of it: the account with its new stamp, or the field that was wrong and why. */
    public sealed interface Result {
        record Changed(Account account) implements Result {
        }

        record Refused(String field, String message) implements Result {
        }
    }

    public Mono<Result> change(Tenant tenant, long accountId, String current, String replacement) {
        Optional<String> problem = PasswordRules.problem(replacement, "Mật khẩu mới");
        if (problem.isPresent()) {
            return Mono.just(new Result.Refused("password", problem.get()));
        }
        if (replacement.equals(current)) {
            return Mono.just(new Result.Refused("password", "Mật khẩu mới phải khác mật khẩu hiện tại."));
        }
        return db.mono(tenant, c -> accounts.passwordHash(c, accountId))
                .flatMap(hash -> Mono.fromCallable(() -> hasher.matches(current, hash)
                        ? Optional.of(hasher.hash(replacement)) : Optional.<String>empty()).subscribeOn(hashing))
                .flatMap(newHash -> newHash.isEmpty()
                        ? Mono.<Result>just(new Result.Refused("current", "Mật khẩu hiện tại không đúng."))
                        : db.mono(tenant, c -> accounts.replaceCredential(c, accountId, Credential.password(newHash.get()))
                                .filter(n -> n > 0)
                                .flatMap(n -> accounts.findById(c, accountId))
                                .flatMap(account -> audit.record(c, accountId, "account.password_changed",
                                                Map.of("account_id", accountId, "username", account.username()))
                                        .thenReturn(new Result.Changed(account)))));
    }
}
