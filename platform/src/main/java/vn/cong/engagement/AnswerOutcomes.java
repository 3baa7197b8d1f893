package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.workflow.ItemOutcomes;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.RejectionReason;
import vn.cong.workflow.WorkItem;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What happens to a question or petition when the workflow moves its answer ({@link AnswerApproval}): published by the
 * workflow, the question (petition) is published on the portal under the answering unit's name and the answer e-mailed
 * to the citizen through the outbox, in the same transaction; rejected by an approver, it goes back to the desk, waiting
 * for an answer to send again, and the desk and the answering units are told the reason.
 */
@Singleton
class AnswerOutcomes implements ItemOutcomes {

    private final MailOutbox mail;
    private final AnswerMails mails;
    private final QuestionNotices notices;
    private final Clock clock;

    AnswerOutcomes(MailOutbox mail, AnswerMails mails, QuestionNotices notices, Clock clock) {
        this.mail = mail;
        this.mails = mails;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Mono<Void> after(TenantTx c, Tenant tenant, WorkItem item, ItemState to, @Nullable Long actorId, @Nullable String comment,
                            @Nullable String reasonCode) {
        var subject = CitizenItem.ofKind(item.kind());
        if (subject.isEmpty() || (to != ItemState.PUBLISHED && to != ItemState.REJECTED)) {
            return Mono.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (to == ItemState.REJECTED) {
            String reason = (reasonCode == null ? "" : RejectionReason.labelOf(reasonCode)) + (comment == null ? "" : " – " + comment);
            return rejected(c, subject.get(), item, actorId, reason.strip(), now);
        }
        return subject.get() == CitizenItem.QUESTION ? questionPublished(c, tenant, item, actorId, now)
                : petitionPublished(c, tenant, item, actorId, now);
    }

    private Mono<Void> questionPublished(TenantTx c, Tenant tenant, WorkItem item, @Nullable Long actorId, OffsetDateTime now) {
        return c.query("""
                        UPDATE questions SET status = 'published', published_at = $2, closed_at = $2, version = version + 1
                        WHERE answer_item_id = $1 AND status = 'approving' RETURNING""" + " " + Question.COLUMNS.replace("q.", ""),
                        Question::of, item.id(), now).next()
                .flatMap(q -> Questions.event(c, q.id(), actorId, "published", "", now)
                        .then(q.askerEmail().isBlank() ? Mono.just(0L) : mail.enqueue(tenant, c, mails.question(tenant, q))))
                .then();
    }

    private Mono<Void> petitionPublished(TenantTx c, Tenant tenant, WorkItem item, @Nullable Long actorId, OffsetDateTime now) {
        return c.query("""
                        UPDATE petitions SET status = 'published', published_at = $2, closed_at = $2, version = version + 1
                        WHERE answer_item_id = $1 AND status = 'approving' RETURNING id, tracking_code, language, sender_email, title, answer_text""",
                        r -> new Object[] {r.get(0, Long.class), new String[] {r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                                r.get(4, String.class), r.get(5, String.class)}}, item.id(), now).next()
                .flatMap(p -> {
                    long id = (Long) p[0];
                    String[] fields = (String[]) p[1];
                    return Petitions.event(c, id, actorId, "published", "", now)
                            .then(fields[2].isBlank() ? Mono.just(0L) : mail.enqueue(tenant, c, mails.petition(tenant, fields, id)));
                })
                .then();
    }

    private Mono<Void> rejected(TenantTx c, CitizenItem subject, WorkItem item, @Nullable Long actorId, String reason,
                                OffsetDateTime now) {
        String units = subject == CitizenItem.QUESTION
                ? "SELECT unit_id FROM question_forwards WHERE question_id = $1"
                : "SELECT unit_id FROM petitions WHERE id = $1 AND unit_id IS NOT NULL";
        String what = subject == CitizenItem.QUESTION ? "Câu trả lời hỏi – đáp" : "Câu trả lời phản ánh, kiến nghị";
        String message = what + " bị từ chối khi duyệt (" + reason + "): «" + item.title() + "»";
        return c.query("UPDATE " + subject.table() + " SET status = 'answered', answer_item_id = NULL, version = version + 1"
                                + " WHERE answer_item_id = $1 AND status = 'approving' RETURNING id", r -> r.get(0, Long.class), item.id()).next()
                .flatMap(id -> subject.event(c, id, actorId, "approval-rejected", reason, now)
                        .then(notices.toDesk(c, message))
                        // the units are read in full before notifying: a second statement cannot run while the first one's rows are open
                        .then(c.query(units, r -> r.get(0, Long.class), id).collectList())
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(unit -> notices.toUnit(c, unit, message))
                        .then())
                .then();
    }
}
