package vn.cong.engagement;

import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

import java.time.OffsetDateTime;

/**
 * Removes a question's personal data (e-mail, phone, address; the name becomes "Người hỏi đã ẩn danh") and keeps
 * the question and answer text: on the asker's request at withdrawal, and by the tenant's retention period after
 * the question closes (Decree 13/2023).
 */
final class Anonymiser {

    static final String ANONYMOUS = "Người hỏi (đã ẩn danh)";
    static final String ANONYMOUS_COMMENTER = "Người góp ý (đã ẩn danh)";

    private Anonymiser() {
    }

    static Mono<Long> erase(TenantTx c, long questionId, OffsetDateTime now) {
        return c.update("""
                UPDATE questions SET asker_name = $2, asker_email = '', asker_phone = '', asker_address = '', confirm_hash = NULL,
                    anonymised_at = $3 WHERE id = $1 AND anonymised_at IS NULL""", questionId, ANONYMOUS, now);
    }

    /** Every question closed more than {@code months} months before {@code now} and not yet anonymised. */
    static Mono<Long> eraseClosedBefore(TenantTx c, int months, OffsetDateTime now) {
        return c.update("""
                UPDATE questions SET asker_name = $1, asker_email = '', asker_phone = '', asker_address = '', confirm_hash = NULL,
                    anonymised_at = $2
                WHERE anonymised_at IS NULL AND closed_at IS NOT NULL AND closed_at < $2 - make_interval(months => $3)""",
                ANONYMOUS, now, months);
    }

    /**
     * The comments on every draft whose comment window closed more than {@code months} months before {@code now}: the
     * author's e-mail address and name are erased (the comment's text and organisation kept, as a question's text is).
     */
    static Mono<Long> eraseCommentsClosedBefore(TenantTx c, int months, OffsetDateTime now) {
        return c.update("""
                UPDATE consultation_comments m SET author_name = $1, author_email = '', confirm_hash = NULL, anonymised_at = $2
                FROM consultations k
                WHERE k.item_id = m.item_id AND m.anonymised_at IS NULL AND k.closes_at < $2 - make_interval(months => $3)""",
                ANONYMOUS_COMMENTER, now, months);
    }
}
