package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * What staff do for the safety of their own account: sign out everywhere, report lost or leaked
 * credentials (seed 000 Đ7.3) and acknowledge the security briefing (seed 001 Đ5.1a). Each is in the
 * tenant's {@code audit_log} with the person as actor.
 */
@Singleton
public class OwnAccountSecurity {

    /** The briefing every new account acknowledges before first use (seed 001 Đ5.1a). */
    public static final String BRIEFING = """
            Bạn đang dùng khu vực quản trị của một cổng thông tin điện tử cơ quan nhà nước. Mật khẩu và thiết bị \
            xác thực hai bước là của riêng bạn: không chia sẻ, không ghi lại ở nơi người khác đọc được, không \
            dùng lại mật khẩu của dịch vụ khác. Chỉ đăng nhập trên máy tin cậy, đăng xuất khi rời máy. Không \
            đăng tải thông tin thuộc bí mật nhà nước hoặc thông tin cá nhân khi chưa được phép. Khi nghi ngờ \
            mật khẩu bị lộ hoặc mất thiết bị, hãy báo ngay tại trang Bảo mật tài khoản để khóa đăng nhập và \
            báo quản trị cổng. Mọi thao tác trong khu vực quản trị đều được ghi nhật ký.""";

    private final TenantDatabase db;
    private final AuditLog audit;
    private final Clock clock;

    OwnAccountSecurity(TenantDatabase db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Ends every session of the account, wherever it is (a new security stamp: each one is refused at its
     * next request). Gives the new stamp, for the browser that asked to carry on under a new session.
     */
    public Mono<UUID> signOutEverywhere(Tenant tenant, long accountId, @Nullable String address) {
        return db.mono(tenant, c -> c.one("""
                        UPDATE accounts SET security_stamp = gen_random_uuid(), updated_at = now()
                        WHERE id = $1 AND status = 'active' RETURNING security_stamp""", r -> r.get(0, UUID.class), accountId)
                .flatMap(stamp -> audit.record(c, accountId, "account.signed_out_everywhere", details(accountId, address))
                        .thenReturn(stamp)));
    }

    /**
     * Lost or leaked credentials: the password stops working at once (the account has none until the tenant
     * admin issues a set-password link), the second factor is switched off (enrolled again after that), every
     * session ends, and the tenant's admins get a notification.
     */
    public Mono<Boolean> reportLostCredentials(Tenant tenant, long accountId, @Nullable String address) {
        return db.mono(tenant, c -> accountName(c, accountId)
                .flatMap(name -> c.update("""
                                UPDATE accounts SET password_hash = NULL, set_password_token = NULL, set_password_expires = NULL,
                                                    must_change_password = false, updated_at = now()
                                WHERE id = $1""", accountId)
                        .then(SecondFactor.clear(c, accountId))
                        .then(audit.record(c, accountId, "account.credentials_reported", details(accountId, address)))
                        .then(c.update("""
                                INSERT INTO notifications (account_id, message)
                                SELECT id, $1 FROM accounts WHERE status = 'active' AND 'tenant_admin' = ANY (roles) AND id <> $2""",
                                "Tài khoản " + name + " báo mất hoặc lộ thông tin đăng nhập: mọi phiên đã kết thúc, mật khẩu và "
                                        + "xác thực hai bước đã bị vô hiệu. Hãy xác minh với người dùng rồi cấp liên kết đặt mật khẩu "
                                        + "mới tại trang Tài khoản.", accountId))
                        .thenReturn(true)))
                .defaultIfEmpty(false);
    }

    /** Records that the account acknowledged the briefing, with the time; the first time only. */
    public Mono<Boolean> acknowledgeBriefing(Tenant tenant, long accountId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.mono(tenant, c -> c.update("""
                        UPDATE accounts SET briefing_acknowledged_at = $2 WHERE id = $1 AND briefing_acknowledged_at IS NULL""",
                        accountId, now)
                .filter(n -> n > 0)
                .flatMap(n -> audit.record(c, accountId, "account.briefing_acknowledged",
                        Map.of("account_id", accountId, "at", now.toString())))
                .thenReturn(true))
                .defaultIfEmpty(false);
    }

    private static Mono<String> accountName(TenantTx c, long accountId) {
        return c.one("SELECT username, full_name FROM accounts WHERE id = $1", r -> {
            String username = r.get(0, String.class);
            String fullName = r.get(1, String.class);
            return fullName == null || fullName.isBlank() ? username : fullName + " (" + username + ")";
        }, accountId);
    }

    private static Map<String, Object> details(long accountId, @Nullable String address) {
        return address == null ? Map.of("account_id", accountId) : Map.of("account_id", accountId, "address", address);
    }
}
