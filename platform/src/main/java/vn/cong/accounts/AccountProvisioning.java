package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;

/** Creates a tenant's first admin at onboarding; does nothing when the username already exists. */
@Singleton
public class AccountProvisioning {

    static final Duration SET_PASSWORD_VALIDITY = Duration.ofDays(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDatabase db;
    private final PasswordHasher hasher;
    private final Scheduler blocking;

    public AccountProvisioning(TenantDatabase db, PasswordHasher hasher, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.db = db;
        this.hasher = hasher;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    public Mono<InitialAdmin> ensureAdmin(Tenant tenant, String username, String email, @Nullable String password) {
        String token = password == null ? newToken() : null;
        Mono<String> hash = password == null ? Mono.just("") : Mono.fromCallable(() -> hasher.hash(password)).subscribeOn(blocking);
        return hash.flatMap(h -> db.mono(tenant, c -> Sql.one(c, """
                INSERT INTO accounts (username, email, full_name, roles, password_hash, set_password_token, set_password_expires)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (username) DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                username, email, "Quản trị " + tenant.nameVi(), new String[]{Role.TENANT_ADMIN.db()},
                h.isEmpty() ? Sql.nullOf(String.class) : h,
                Sql.orNull(token == null ? null : SetPasswordTokens.digest(token), String.class),
                Sql.orNull(token == null ? null : OffsetDateTime.now().plus(SET_PASSWORD_VALIDITY), OffsetDateTime.class))))
                .map(id -> new InitialAdmin(username, true, token))
                .defaultIfEmpty(new InitialAdmin(username, false, null));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
