package vn.cong.workflow;

import vn.cong.system.VietnamTime;
import vn.cong.tenancy.TenantTx;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.system.mail.MailMessage;
import vn.cong.system.mail.Mailer;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.time.Clock;

/**
 * E-mails the in-app notifications (the {@code notifications} table is the outbox). Every node
 * ticks and goes through the serving tenants one by one. A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked {@code sending} in one short transaction, so two nodes
 * never take the same row (rows of revoked accounts, of accounts without an address and of staff
 * who turned e-mail off on their notifications page are marked {@code skipped} first); the SMTP
 * send then runs outside any transaction (a slow server holds no connection), and a second transaction marks each row sent, or pending again with a back-off, or
 * failed after {@code max-attempts}. Only a node that dies between claim and mark leaves a row in
 * {@code sending}; after {@code claim-timeout} it is claimed again (then, and only then, a message
 * may go out twice). Without an SMTP host the job does nothing and rows wait; a row older than
 * {@code max-age} when its turn comes is marked {@code expired} instead of being sent late.
 */
@Singleton
public class NotificationEmails {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationEmails.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final int BATCH = 50;

    private final TenantRegistry registry;
    private final TenantDatabase db;
    private final Mailer mailer;
    private final PublicLinks links;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Duration maxAge;
    private final Duration claimTimeout;

    NotificationEmails(TenantRegistry registry, TenantDatabase db, Mailer mailer, PublicLinks links, Clock clock,
                       @Value("${cong.workflow.email.max-attempts:5}") int maxAttempts,
                       @Value("${cong.workflow.email.retry-delay:2m}") Duration retryDelay,
                       @Value("${cong.workflow.email.max-age:24h}") Duration maxAge,
                       @Value("${cong.workflow.email.claim-timeout:10m}") Duration claimTimeout) {
        this.registry = registry;
        this.db = db;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryDelay = retryDelay;
        this.maxAge = maxAge;
        this.claimTimeout = claimTimeout;
    }

    /** A claimed notification, with what its e-mail needs. */
    record Claimed(long id, int attempts, @Nullable String email, String fullName, String message,
                   @Nullable Long itemId, @Nullable String title, @Nullable OffsetDateTime dueAt) {
    }

    /** Sends the due notification e-mails of every serving tenant (outside the schedule); emits how many this node sent. */
    public Mono<Integer> deliver() {
        return JobRun.unscheduled("notification-emails", clock.instant(), registry.all()).forEachServingTenant(this::deliver);
    }

    /** Without an SMTP host nothing is sent and rows wait. */
    Mono<Integer> deliver(Tenant tenant) {
        if (!mailer.isConfigured()) {
            return Mono.just(0);
        }
        return db.mono(tenant, c -> c.update("""
                                UPDATE notifications SET email_status = 'expired', email_done_at = now()
                                WHERE email_status = 'pending' AND created_at < now() - make_interval(secs => $1)""",
                        (double) maxAge.toSeconds())
                        .then(c.update("""
                                UPDATE notifications n SET email_status = 'skipped', email_done_at = now()
                                FROM accounts a WHERE a.id = n.account_id AND n.email_status = 'pending'
                                  AND (a.status <> 'active' OR coalesce(btrim(a.email), '') = ''
                                       OR EXISTS (SELECT 1 FROM notification_preferences p WHERE p.account_id = a.id AND NOT p.email))"""))
                        .then(claim(c).collectList()))
                .flatMap(batch -> Flux.fromIterable(batch).concatMap(n -> send(tenant, n)).reduce(0, Integer::sum));
    }

    private Flux<Claimed> claim(TenantTx c) {
        return c.query("""
                        WITH due AS (
                            SELECT id FROM notifications
                            WHERE (email_status = 'pending' AND (email_next_at IS NULL OR email_next_at <= now()))
                               OR (email_status = 'sending' AND email_claimed_at < now() - make_interval(secs => $1))
                            ORDER BY id LIMIT %d FOR UPDATE SKIP LOCKED)
                        UPDATE notifications n SET email_status = 'sending', email_claimed_at = now(),
                            email_attempts = n.email_attempts + 1
                        FROM due, accounts a
                        WHERE n.id = due.id AND a.id = n.account_id
                        RETURNING n.id, n.email_attempts, a.email, a.full_name, n.message, n.item_id,
                            (SELECT i.title FROM content_items i WHERE i.id = n.item_id),
                            (SELECT r.due_at FROM workflow_runs r WHERE r.item_id = n.item_id AND r.status = 'in_progress')"""
                        .formatted(BATCH),
                r -> new Claimed(r.get(0, Long.class), r.get(1, Integer.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, Long.class), r.get(6, String.class), r.get(7, OffsetDateTime.class)),
                (double) claimTimeout.toSeconds());
    }

    private Mono<Integer> send(Tenant tenant, Claimed n) {
        return mailer.send(message(tenant, n))
                .then(mark(tenant, n.id(), "sent", null, null).thenReturn(1))
                .onErrorResume(e -> {
                    boolean last = n.attempts() >= maxAttempts;
                    if (last) {
                        LOG.error("Tenant {}: notification {} not e-mailed after {} attempts: {}", tenant.code(), n.id(), n.attempts(), e.getMessage());
                    } else {
                        LOG.warn("Tenant {}: notification {} not e-mailed (attempt {} of {}), retrying: {}", tenant.code(), n.id(),
                                n.attempts(), maxAttempts, e.getMessage());
                    }
                    return mark(tenant, n.id(), last ? "failed" : "pending",
                            last ? null : OffsetDateTime.now(clock).plus(retryDelay.multipliedBy(n.attempts())), String.valueOf(e.getMessage()))
                            .thenReturn(0);
                });
    }

    private Mono<Long> mark(Tenant tenant, long id, String status, @Nullable OffsetDateTime nextAt, @Nullable String error) {
        return db.mono(tenant, c -> c.update("""
                        UPDATE notifications SET email_status = $2, email_next_at = $3, email_error = $4,
                            email_done_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
                        WHERE id = $1 AND email_status = 'sending'""",
                id, status, Sql.orNull(nextAt, OffsetDateTime.class), Sql.orNull(error, String.class)));
    }

    /** The e-mail of one notification, in Vietnamese, with an absolute link to the item's staff page. */
    MailMessage message(Tenant tenant, Claimed n) {
        String subject = "[" + tenant.nameVi() + "] " + (n.title() == null ? "Thông báo" : n.title());
        StringBuilder body = new StringBuilder()
                .append("Kính gửi ").append(n.fullName()).append(",\n\n")
                .append(n.message()).append(".\n");
        if (n.dueAt() != null) {
            body.append("\nHạn xử lý: ").append(n.dueAt().atZoneSameInstant(VietnamTime.ZONE).format(TIME)).append(".\n");
        }
        body.append("\nXem và xử lý: ")
                .append(links.tenant(tenant, n.itemId() == null ? "/quan-tri/thong-bao" : "/quan-tri/quy-trinh/" + n.itemId())).append('\n')
                .append("\n-- \n").append(tenant.nameVi())
                .append("\nThư này được gửi tự động từ hệ thống quản trị cổng thông tin; vui lòng không trả lời thư này.\n");
        return new MailMessage(List.of(n.email()), subject, body.toString());
    }
}
