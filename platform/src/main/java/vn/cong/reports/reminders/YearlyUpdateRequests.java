package vn.cong.reports.reminders;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.Instant;

/**
 * Once a year each unit is asked to bring its information on the portal up to date (seed 001 Đ9.1):
 * statistics, phone directory, strategies and plans, projects and procurement, research programmes. The
 * unit's focal point gets the request as a notification (mailed like every notification); a unit without
 * a focal point is recorded and its request goes to the tenant admins. Each unit is asked once per year.
 */
@Singleton
public class YearlyUpdateRequests {

    private static final Logger LOG = LoggerFactory.getLogger(YearlyUpdateRequests.class);

    private final TenantDatabase db;

    YearlyUpdateRequests(TenantDatabase db) {
        this.db = db;
    }

    /** The focal point, or every active tenant admin when the unit has none (they pass the request on). */
    private static Mono<Long> tell(TenantTx c, Long focal, String message) {
        return focal != null
                ? c.update("INSERT INTO notifications (account_id, message) VALUES ($1, $2)", focal, message)
                : c.update("INSERT INTO notifications (account_id, message) SELECT id, $1 FROM accounts WHERE status = 'active'"
                        + " AND 'tenant_admin' = ANY (roles)", message + " Đơn vị chưa có cán bộ đầu mối: quản trị cổng chuyển đề nghị này.");
    }

    /** Asks every unit of {@code tenant} not yet asked in the year of {@code now} (Vietnam time); emits how many were asked. */
    public Mono<Integer> ask(Tenant tenant, Instant now) {
        int year = now.atZone(VietnamTime.ZONE).getYear();
        String message = "Đầu năm " + year + ", đề nghị đơn vị %s rà soát và cập nhật thông tin của đơn vị trên Cổng thông tin điện tử:"
                + " số liệu thống kê thuộc lĩnh vực quản lý, danh bạ điện thoại, chiến lược, định hướng, quy hoạch, kế hoạch phát triển,"
                + " dự án, đầu tư, đấu thầu, mua sắm công, chương trình, đề tài khoa học (Điều 9.1 Quy chế cung cấp thông tin).";
        return db.mono(tenant, c -> c.query("""
                        INSERT INTO unit_update_requests (unit_id, year, account_id)
                        SELECT u.id, $1, a.id FROM org_units u
                        LEFT JOIN accounts a ON a.id = u.focal_account_id AND a.status = 'active'
                        WHERE u.supplies_items AND NOT u.outside
                        ON CONFLICT (unit_id, year) DO NOTHING
                        RETURNING unit_id, account_id, (SELECT name FROM org_units WHERE id = unit_id)""",
                        r -> new Object[]{r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class)}, year)
                .collectList()
                .flatMap(asked -> Flux.fromIterable(asked).concatMap(u -> tell(c, (Long) u[1], String.format(message, u[2])))
                        .then(Mono.just(asked.size()))))
                .doOnNext(n -> {
                    if (n > 0) {
                        LOG.info("Tenant {}: {} units asked to update their information for {}", tenant.code(), n, year);
                    }
                });
    }
}
