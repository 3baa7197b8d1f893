package vn.cong.tenancy.outbox;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.mail.MailMessage;
import vn.cong.system.mail.Mailer;
import vn.cong.tenancy.Tenant;

/**
 * E-mail through the outbox (kind {@value #KIND}): the message is written, whole, in the caller's
 * transaction and sent by the delivery job through {@link Mailer}. Without an SMTP host the messages
 * wait (and the dev mail viewer shows them).
 */
@Singleton
public class MailOutbox implements OutboxHandler, OutgoingMail {

    public static final String KIND = "mail";

    private final Outbox outbox;
    private final Mailer mailer;

    MailOutbox(Outbox outbox, Mailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
    }

    /** Queues an e-mail of {@code tenant} in the caller's transaction {@code tx}. */
    public Mono<Long> enqueue(Tenant tenant, TenantTx tx, MailMessage mail) {
        return outbox.enqueue(tenant, tx, KIND, mail);
    }

    /** Queues an e-mail of the platform itself (e.g. an operator alert), in a transaction of its own. */
    public Mono<Long> enqueueForPlatform(MailMessage mail) {
        return outbox.enqueueForPlatform(KIND, mail);
    }

    /**
     * Queues an e-mail of the platform itself and delivers the platform's due messages at once (an alert
     * should not wait for the next tick); what fails is retried by the delivery job.
     */
    public Mono<Long> sendForPlatform(MailMessage mail) {
        return enqueueForPlatform(mail).flatMap(id -> outbox.deliver((Tenant) null).thenReturn(id));
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
    public Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message) {
        MailMessage mail = outbox.payload(message, MailMessage.class);
        return mail.to().isEmpty() ? Mono.just(Delivered.SKIPPED) : mailer.send(mail).thenReturn(Delivered.SENT);
    }

    @Override
    public Mono<MailMessage> mail(@Nullable Tenant tenant, OutboxMessage message) {
        return Mono.just(outbox.payload(message, MailMessage.class));
    }
}
