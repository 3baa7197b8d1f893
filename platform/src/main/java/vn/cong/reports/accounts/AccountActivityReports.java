package vn.cong.reports.accounts;

import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Counts a tenant's account activity for a period from what the tenant's schema records (login attempts,
 * audit log, accounts) and from the tenant's own rows of the platform's integrity checks and uptime
 * incidents. Nothing is typed in: a figure is always a count of records.
 */
@Singleton
public class AccountActivityReports {

    /** Audit actions of the account report, as the report names them. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("account.created", "Tạo tài khoản"),
            Map.entry("account.updated", "Sửa thông tin tài khoản"),
            Map.entry("account.revoked", "Thu hồi tài khoản"),
            Map.entry("account.reactivated", "Khôi phục tài khoản"),
            Map.entry("account.dormant", "Tạm ngừng do không sử dụng"),
            Map.entry("account.password_reset", "Cấp lại mật khẩu"),
            Map.entry("account.password_set", "Đặt mật khẩu qua liên kết"),
            Map.entry("account.password_changed", "Tự đổi mật khẩu"),
            Map.entry("account.mfa_enabled", "Bật xác thực hai bước"),
            Map.entry("account.mfa_reset", "Gỡ xác thực hai bước"),
            Map.entry("account.mfa_recovery_code_used", "Dùng mã khôi phục"),
            Map.entry("account.credentials_reported", "Báo mất, lộ thông tin đăng nhập"),
            Map.entry("account.signed_out_everywhere", "Đăng xuất mọi nơi"),
            Map.entry("account.policy_changed", "Đổi chính sách tài khoản"),
            Map.entry("account.briefing_acknowledged", "Xác nhận quy định bảo mật"));
    private static final int MAX_EVENTS = 500;
    private static final int MAX_USERNAMES = 20;

    private final TenantDatabase db;

    AccountActivityReports(TenantDatabase db) {
        this.db = db;
    }

    public Mono<AccountActivity> report(Tenant tenant, ReportPeriod period) {
        OffsetDateTime from = period.from();
        OffsetDateTime until = period.until();
        // one transaction, one statement at a time: a consistent picture of the period
        return db.mono(tenant, c -> figures(c, from, until).flatMap(figures -> c.query("""
                        SELECT username, count(*) FILTER (WHERE NOT throttled), count(*) FILTER (WHERE throttled), max(at)
                        FROM login_attempts WHERE NOT succeeded AND at >= $1 AND at < $2
                        GROUP BY username ORDER BY count(*) DESC, username LIMIT $3""",
                        r -> new AccountActivity.FailedLogins(r.get(0, String.class), count(r, 1), count(r, 2),
                                r.get(3, OffsetDateTime.class)), from, until, MAX_USERNAMES).collectList()
                .flatMap(failed -> c.query("""
                        SELECT l.at, l.action, coalesce(l.details ->> 'username', ''), coalesce(a.username, 'hệ thống')
                        FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
                        WHERE l.action LIKE 'account.%' AND l.at >= $1 AND l.at < $2 ORDER BY l.at, l.id LIMIT $3""",
                        r -> new AccountActivity.AccountEvent(r.get(0, OffsetDateTime.class),
                                ACTIONS.getOrDefault(r.get(1, String.class), r.get(1, String.class)),
                                r.get(2, String.class), r.get(3, String.class)), from, until, MAX_EVENTS).collectList()
                .flatMap(events -> c.query("SELECT username, full_name, last_login_at FROM accounts WHERE status = 'dormant' ORDER BY username",
                        r -> new AccountActivity.DormantAccount(r.get(0, String.class), r.get(1, String.class),
                                r.get(2, OffsetDateTime.class))).collectList()
                .map(dormant -> new AccountActivity(period, figures, failed, events, dormant))))));
    }

    private static Mono<AccountActivity.Figures> figures(TenantTx c, OffsetDateTime from, OffsetDateTime until) {
        Mono<long[]> logins = c.one("""
                SELECT count(*) FILTER (WHERE succeeded), count(DISTINCT username) FILTER (WHERE succeeded),
                       count(*) FILTER (WHERE NOT succeeded AND NOT throttled), count(*) FILTER (WHERE throttled)
                FROM login_attempts WHERE at >= $1 AND at < $2""",
                r -> new long[]{count(r, 0), count(r, 1), count(r, 2), count(r, 3)}, from, until);
        Mono<long[]> audit = c.one("""
                SELECT count(*) FILTER (WHERE action = 'account.created'),
                       count(*) FILTER (WHERE action = 'account.updated' AND NOT (details -> 'changes') ? 'roles'),
                       count(*) FILTER (WHERE action = 'account.updated' AND (details -> 'changes') ? 'roles'),
                       count(*) FILTER (WHERE action = 'account.revoked'),
                       count(*) FILTER (WHERE action = 'account.reactivated'),
                       count(*) FILTER (WHERE action = 'account.dormant'),
                       count(*) FILTER (WHERE action IN ('account.password_reset', 'account.mfa_reset')),
                       count(*) FILTER (WHERE action = 'account.credentials_reported')
                FROM audit_log WHERE at >= $1 AND at < $2""",
                r -> new long[]{count(r, 0), count(r, 1), count(r, 2), count(r, 3), count(r, 4), count(r, 5), count(r, 6), count(r, 7)},
                from, until);
        Mono<long[]> states = c.one("""
                SELECT count(*) FILTER (WHERE status = 'dormant'), count(*) FILTER (WHERE status = 'active') FROM accounts""",
                r -> new long[]{count(r, 0), count(r, 1)});
        Mono<long[]> platform = c.platformRows().one("""
                SELECT (SELECT count(*) FROM platform.integrity_runs
                        WHERE (tenant_code = $1 OR tenant_code IS NULL) AND status <> 'running' AND started_at >= $2 AND started_at < $3),
                       (SELECT count(*) FROM platform.integrity_findings f JOIN platform.integrity_runs r ON r.id = f.run_id
                        WHERE f.tenant_code = $1 AND r.started_at >= $2 AND r.started_at < $3),
                       (SELECT count(*) FROM platform.uptime_incidents
                        WHERE tenant_code = $1 AND opened_at >= $2 AND opened_at < $3)""",
                r -> new long[]{count(r, 0), count(r, 1), count(r, 2)}, from, until);
        return Flux.concat(logins, audit, states, platform).collectList().map(parts -> {
            long[] l = parts.get(0);
            long[] a = parts.get(1);
            long[] s = parts.get(2);
            long[] p = parts.get(3);
            return new AccountActivity.Figures(l[0], l[1], l[2], l[3], a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7],
                    s[0], s[1], p[0], p[1], p[2]);
        });
    }

    private static long count(Readable r, int column) {
        Long n = r.get(column, Long.class);
        return n == null ? 0 : n;
    }
}
