package vn.cong.accounts;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/** A person choosing their password through a one-time link: the link works once and expires. */
@Singleton
public class PasswordSetting {

    private final TenantDatabase db;
    private final Accounts accounts;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Scheduler hashing;

    PasswordSetting(TenantDatabase db, Accounts accounts, AuditLog audit, PasswordHasher hasher,
                    @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    /** The account whose unspent, unexpired link this is; empty otherwise. */
    public Mono<Account> holder(Tenant tenant, String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return db.mono(tenant, c -> accounts.findBySetPasswordToken(c, SetPasswordTokens.digest(token)));
    }

    /** Sets the password and spends the link; empty when the link is unknown, spent or expired. */
    public Mono<Long> setPassword(Tenant tenant, String token, String password) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        String digest = SetPasswordTokens.digest(token);
        return holder(tenant, token).flatMap(account -> Mono.fromCallable(() -> hasher.hash(password)).subscribeOn(hashing)
                .flatMap(hash -> db.mono(tenant, c -> accounts.spendSetPasswordToken(c, digest, hash)
                        .flatMap(id -> audit.record(c, id, "account.password_set",
                                Map.of("account_id", id, "username", account.username())).thenReturn(id)))));
    }
}
