package vn.cong.workflow;

import vn.cong.tenancy.TenantTx;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.system.VietnamTime;
import vn.cong.system.mail.MailMessage;
import vn.cong.system.mail.Mailer;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.jobs.JobRun;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.tenancy.outbox.OutboxMessage;
import vn.cong.tenancy.outbox.OutgoingMail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * E-mails the in-app notifications through the platform's outbox (kind {@value #KIND}). Every row
 * written to a tenant's {@code notifications} enqueues its e-mail in the same transaction (a trigger,
 * tenant migration V170, so no code path that notifies can forget it); the outbox claims each once
 * across nodes, retries with back-off and records the outcome. This handler writes the e-mail when it
 * goes out, from the rows as they are then: a notification of a revoked account, of an account without
 * an address, or of staff who turned e-mail off on their notifications page is skipped; the deadline is
 * the run's current one. Without an SMTP host the messages wait; one older than {@code max-age} when
 * its turn comes is marked expired instead of being sent late.
 */
@Singleton
public class NotificationEmails implements OutgoingMail {

    public static final String KIND = "notification-email";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final TenantRegistry registry;
    private final TenantDatabase db;
    private final Mailer mailer;
    private final Outbox outbox;
    private final PublicLinks links;
    private final Clock clock;
    private final Duration maxAge;

    NotificationEmails(TenantRegistry registry, TenantDatabase db, Mailer mailer, Outbox outbox, PublicLinks links, Clock clock,
                       @Value("${cong.workflow.email.max-age:24h}") Duration maxAge) {
        this.registry = registry;
        this.db = db;
        this.mailer = mailer;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The payload the trigger writes. */
    @Serdeable
    public record Payload(long notification) {
    }

    /** A notification, with what its e-mail needs; {@code wanted} is false when it is not to be mailed. */
    record Notification(long id, boolean wanted, @Nullable String email, String fullName, String message,
                        @Nullable Long itemId, @Nullable String title, @Nullable OffsetDateTime dueAt) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean ready() {
        return mailer.isConfigured();
    }

    @Override
    public Duration maxAge() {
        return maxAge;
    }

    /** Delivers the due outbox messages of every serving tenant now (outside the schedule, all kinds); emits how many this node sent. */
    public Mono<Integer> deliver() {
        return JobRun.unscheduled("outbox", clock.instant(), registry.all()).forEachServingTenant(outbox::deliver);
    }

    @Override
    public Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message) {
        return mail(tenant, message)
                .flatMap(mail -> mailer.send(mail).thenReturn(Delivered.SENT))
                .defaultIfEmpty(Delivered.SKIPPED);
    }

    /** The e-mail of the message; empty when the notification is gone or its account is not to be mailed. */
    @Override
    public Mono<MailMessage> mail(@Nullable Tenant tenant, OutboxMessage message) {
        if (tenant == null) {
            return Mono.empty();
        }
        long id = outbox.payload(message, Payload.class).notification();
        return db.mono(tenant, c -> c.one("""
                        SELECT n.id, a.status = 'active' AND coalesce(btrim(a.email), '') <> ''
                                   AND NOT EXISTS (SELECT 1 FROM notification_preferences p WHERE p.account_id = a.id AND NOT p.email),
                            a.email, a.full_name, n.message, n.item_id,
                            (SELECT i.title FROM content_items i WHERE i.id = n.item_id),
                            (SELECT r.due_at FROM workflow_runs r WHERE r.item_id = n.item_id AND r.status = 'in_progress')
                        FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.id = $1""",
                        r -> new Notification(r.get(0, Long.class), Boolean.TRUE.equals(r.get(1, Boolean.class)), r.get(2, String.class),
                                r.get(3, String.class), r.get(4, String.class), r.get(5, Long.class), r.get(6, String.class),
                                r.get(7, OffsetDateTime.class)), id))
                .filter(Notification::wanted)
                .map(n -> message(tenant, n));
    }

    /** The e-mail of one notification, in Vietnamese, with an absolute link to the item's staff page. */
    MailMessage message(Tenant tenant, Notification n) {
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
