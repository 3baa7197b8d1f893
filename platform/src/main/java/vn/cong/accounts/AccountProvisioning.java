package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;

/** Creates a tenant's first admin at onboarding; does nothing when the username already exists. */
@Singleton
public class AccountProvisioning {

    private final TenantDatabase db;
    private final PasswordHasher hasher;
    private final Scheduler hashing;
    private final AccountSettings settings;

    public AccountProvisioning(TenantDatabase db, PasswordHasher hasher, AccountSettings settings,
                               @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.hasher = hasher;
        this.settings = settings;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    public Mono<InitialAdmin> ensureAdmin(Tenant tenant, String username, String email, @Nullable String password) {
        String token = password == null ? SetPasswordTokens.newToken() : null;
        Mono<String> hash = password == null ? Mono.just("") : Mono.fromCallable(() -> hasher.hash(password)).subscribeOn(hashing);
        return hash.flatMap(h -> db.mono(tenant, c -> c.one("""
                INSERT INTO accounts (username, email, full_name, roles, password_hash, set_password_token, set_password_expires)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (username) DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                username, email, "Quản trị " + tenant.nameVi(), new String[]{Role.TENANT_ADMIN.db()},
                h.isEmpty() ? Sql.nullOf(String.class) : h,
                Sql.orNull(token == null ? null : SetPasswordTokens.digest(token), String.class),
                Sql.orNull(token == null ? null : OffsetDateTime.now().plus(settings.setPasswordValidity()), OffsetDateTime.class))))
                .map(id -> new InitialAdmin(username, true, token))
                .defaultIfEmpty(new InitialAdmin(username, false, null));
    }
}
