package vn.cong.accounts;

import io.micronaut.context.annotation.Value;
import vn.cong.tenancy.TenantTx;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once a day, sets every active account not used for the tenant's {@code account_settings.dormant_after_days}
 * (default 45; since its last login, or its creation if it never logged in) to 'dormant': it can no longer log
 * in and its sessions end. The tenant admins get an in-app notice (which the notification e-mails also send).
 * A tenant admin is left active when no other tenant admin has been active within the period, so a tenant
 * is never left without anyone to re-activate accounts. Safe on every node at once: the UPDATE changes each
 * account once, and only the node that changed it writes the notice.
 */
@Singleton
public class DormantAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DormantAccounts.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TenantRegistry registry;
    private final TenantDatabase db;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicBoolean running = new AtomicBoolean();

    DormantAccounts(TenantRegistry registry, TenantDatabase db, AuditLog audit, Clock clock,
                    @Value("${cong.accounts.dormant.enabled:true}") boolean enabled) {
        this.registry = registry;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${cong.accounts.dormant.cron:`0 45 2 * * *`}", zoneId = "Asia/Ho_Chi_Minh")
    void daily() {
        if (enabled && running.compareAndSet(false, true)) {
            disableDormant().doFinally(s -> running.set(false))
                    .subscribe(n -> LOG.info("Dormant accounts: {} disabled", n), e -> LOG.error("Dormant accounts job failed", e));
        }
    }

    /** Disables the dormant accounts of every serving tenant; emits how many. */
    public Mono<Integer> disableDormant() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Flux.fromIterable(registry.all()).filter(Tenant::isServing)
                .concatMap(tenant -> disableDormant(tenant, now).onErrorResume(e -> {
                    LOG.error("Tenant {}: dormant accounts job failed", tenant.code(), e);
                    return Mono.just(0);
                }))
                .reduce(0, Integer::sum);
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
