package vn.cong.accounts;

import vn.cong.tenancy.TenantTx;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Once a day, sets every active account not used for the tenant's {@code account_settings.dormant_after_days}
 * (default 45; since its last login, or its creation if it never logged in) to 'dormant': it can no longer log
 * in and its sessions end. The tenant admins get an in-app notice (which the notification e-mails also send).
 * A tenant admin is left active when no other tenant admin has been active within the period, so a tenant
 * is never left without anyone to re-activate accounts. Safe on every node at once: the UPDATE changes each
 * account once, and only the node that changed it writes the notice. The schedule is a cluster job
 * ({@link DormantAccountsJob}, one node per cron slot, one tenant's failure isolated).
 */
@Singleton
public class DormantAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DormantAccounts.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TenantRegistry registry;
    private final TenantDatabase db;
    private final AuditLog audit;
    private final Clock clock;

    DormantAccounts(TenantRegistry registry, TenantDatabase db, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Disables the dormant accounts of every serving tenant now (outside the schedule); emits how many. */
    public Mono<Integer> disableDormant() {
        JobRun run = JobRun.unscheduled(DormantAccountsJob.NAME, clock.instant(), registry.all());
        return run.forEachServingTenant(tenant -> disableDormant(tenant, run));
    }

    /** One tenant's part of a run: the dormant accounts as of the run's time. */
    Mono<Integer> disableDormant(Tenant tenant, JobRun run) {
        return disableDormant(tenant, run.now().atOffset(ZoneOffset.UTC));
    }

    private record Dormant(long id, String username, String fullName, OffsetDateTime lastUsed, int days) {
    }

    Mono<Integer> disableDormant(Tenant tenant, OffsetDateTime now) {
        return db.mono(tenant, c -> c.query("""
                        WITH s AS (SELECT dormant_after_days AS days FROM account_settings),
                             cutoff AS (SELECT $1::timestamptz - s.days * interval '1 day' AS at, s.days FROM s)
                        UPDATE accounts a SET status = 'dormant', set_password_token = NULL, set_password_expires = NULL,
                                              security_stamp = gen_random_uuid(), updated_at = now()
                        FROM cutoff
                        WHERE a.status = 'active' AND COALESCE(a.last_login_at, a.created_at) < cutoff.at
                          AND NOT ('tenant_admin' = ANY (a.roles) AND NOT EXISTS (
                                SELECT 1 FROM accounts o WHERE o.id <> a.id AND o.status = 'active'
                                  AND 'tenant_admin' = ANY (o.roles) AND COALESCE(o.last_login_at, o.created_at) >= cutoff.at))
                        RETURNING a.id, a.username, a.full_name, COALESCE(a.last_login_at, a.created_at), cutoff.days""",
                        r -> new Dormant(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                                r.get(3, OffsetDateTime.class), r.get(4, Integer.class)), now)
                // read the changed rows to the end before the next statement on this connection
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(d -> audit.record(c, null, "account.dormant", Map.of("account_id", d.id(), "username", d.username(),
                                "last_used", d.lastUsed().toString(), "days", d.days()))
                        .then(noticeToAdmins(c, d))
                        .thenReturn(d))
                .count().map(Long::intValue))
                .doOnNext(n -> {
                    if (n > 0) {
                        LOG.info("Tenant {}: {} dormant accounts disabled", tenant.code(), n);
                    }
                });
    }

    private static Mono<Long> noticeToAdmins(TenantTx c, Dormant d) {
        String name = d.fullName().isBlank() ? d.username() : d.fullName() + " (" + d.username() + ")";
        String message = "Tài khoản " + name + " đã tạm ngừng vì không được dùng từ "
                + d.lastUsed().atZoneSameInstant(VietnamTime.ZONE).format(DAY) + " (quá " + d.days()
                + " ngày). Quản trị cổng có thể kích hoạt lại tại trang Tài khoản.";
        return c.update("""
                INSERT INTO notifications (account_id, message)
                SELECT id, $1 FROM accounts WHERE status = 'active' AND 'tenant_admin' = ANY (roles)""", message);
    }
}
