package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.cong.tenancy.TenantTx;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.system.VietnamTime;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.outbox.MailOutbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Creates a tenant's first admin at onboarding; does nothing when the username already exists. An
 * admin without a password gets a one-time set-password link by e-mail, queued in the outbox in the
 * transaction that creates the account (never written to a log).
 */
@Singleton
public class AccountProvisioning {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final TenantDatabase db;
    private final PasswordHasher hasher;
    private final Scheduler hashing;
    private final AccountSettings settings;
    private final MailOutbox mail;
    private final PublicLinks links;
    private final Clock clock;

    public AccountProvisioning(TenantDatabase db, PasswordHasher hasher, AccountSettings settings, MailOutbox mail, PublicLinks links,
                               Clock clock, @Named(PasswordHasher.EXECUTOR) ExecutorService hashing) {
        this.db = db;
        this.hasher = hasher;
        this.settings = settings;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
        this.hashing = Schedulers.fromExecutorService(hashing);
    }

    public Mono<InitialAdmin> ensureAdmin(Tenant tenant, String username, String email, @Nullable String password) {
        String token = password == null ? SetPasswordTokens.newToken() : null;
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(settings.setPasswordValidity());
        String fullName = "Quản trị " + tenant.nameVi();
        Mono<String> hash = password == null ? Mono.just("") : Mono.fromCallable(() -> hasher.hash(password)).subscribeOn(hashing);
        return hash.flatMap(h -> db.mono(tenant, c -> c.one("""
                INSERT INTO accounts (username, email, full_name, roles, password_hash, set_password_token, set_password_expires)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (username) DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                username, email, fullName, new String[]{Role.TENANT_ADMIN.db()},
                h.isEmpty() ? Sql.nullOf(String.class) : h,
                Sql.orNull(token == null ? null : SetPasswordTokens.digest(token), String.class),
                Sql.orNull(token == null ? null : expires, OffsetDateTime.class))
                        .flatMap(id -> mailLink(tenant, c, username, email, fullName, token, expires).thenReturn(id))))
                .map(id -> new InitialAdmin(username, true, token))
                .defaultIfEmpty(new InitialAdmin(username, false, null));
    }

    /**
     * Sets the tenant's account policy (second factor for leaders, security briefing for new accounts);
     * a null leaves that setting as it is. True when something changed.
     */
    public Mono<Boolean> applyPolicy(Tenant tenant, @Nullable Boolean mfaForLeaders, @Nullable Boolean securityBriefing) {
        if (mfaForLeaders == null && securityBriefing == null) {
            return Mono.just(false);
        }
        return db.mono(tenant, c -> c.update("""
                        UPDATE account_settings SET mfa_required_for_leaders = COALESCE($1, mfa_required_for_leaders),
                                                    briefing_required = COALESCE($2, briefing_required)
                        WHERE mfa_required_for_leaders IS DISTINCT FROM COALESCE($1, mfa_required_for_leaders)
                           OR briefing_required IS DISTINCT FROM COALESCE($2, briefing_required)""",
                        Sql.orNull(mfaForLeaders, Boolean.class), Sql.orNull(securityBriefing, Boolean.class)))
                .map(n -> n > 0);
    }

    /** The set-password e-mail, in the account's own transaction; nothing without a token or an address. */
    private Mono<Long> mailLink(Tenant tenant, TenantTx c, String username, String email, String fullName, @Nullable String token,
                                OffsetDateTime expires) {
        if (token == null || email == null || email.isBlank()) {
            return Mono.just(0L);
        }
        String link = links.tenant(tenant, SetPasswordTokens.path(token));
        String body = "Kính gửi " + fullName + ",\n\n"
                + "Tài khoản quản trị «" + username + "» của " + tenant.nameVi() + " đã được tạo. Hãy đặt mật khẩu tại địa chỉ sau"
                + " (dùng được một lần, đến " + expires.atZoneSameInstant(VietnamTime.ZONE).format(TIME) + "):\n\n"
                + link + "\n\n"
                + "Nếu bạn không chờ thư này, hãy báo cho người vận hành nền tảng.\n"
                + "\n-- \n" + tenant.nameVi()
                + "\nThư này được gửi tự động từ hệ thống quản trị cổng thông tin; vui lòng không trả lời thư này.\n";
        return mail.enqueue(tenant, c, new MailMessage(List.of(email.strip()), "[" + tenant.nameVi() + "] Đặt mật khẩu tài khoản quản trị", body));
    }
}
