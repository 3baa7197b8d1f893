package vn.cong.tenancy.outbox;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.Tenant;

/**
 * A kind of outbox message that is an e-mail: says what the e-mail of a message is (to, subject,
 * body), so the dev mail viewer can show it whether or not it was sent. Empty: no e-mail to show
 * (e.g. the recipient has no address).
 */
public interface OutgoingMail extends OutboxHandler {

    Mono<MailMessage> mail(@Nullable Tenant tenant, OutboxMessage message);
}
