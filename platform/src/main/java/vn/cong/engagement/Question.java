package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;

import java.time.OffsetDateTime;

/** A question as stored, personal data included: only the desk and the forwarded units' staff may be shown all of it. */
public record Question(long id, String trackingCode, String language, String askerName, String askerEmail, String askerPhone,
                       String askerAddress, String topic, @Nullable Long suggestedUnitId, String title, String body, QuestionStatus status,
                       OffsetDateTime submittedAt, @Nullable OffsetDateTime receivedAt, @Nullable OffsetDateTime forwardedAt,
                       @Nullable OffsetDateTime answeredAt, @Nullable OffsetDateTime publishedAt, @Nullable String answerHtml,
                       @Nullable Long answerUnitId, @Nullable Long mergedInto, @Nullable OffsetDateTime anonymisedAt, int version) {

    static final String COLUMNS = "q.id, q.tracking_code, q.language, q.asker_name, q.asker_email, q.asker_phone, q.asker_address, q.topic,"
            + " q.suggested_unit_id, q.title, q.body, q.status, q.submitted_at, q.received_at, q.forwarded_at, q.answered_at, q.published_at,"
            + " q.answer_html, q.answer_unit_id, q.merged_into, q.anonymised_at, q.version";

    static Question of(Readable r) {
        return new Question(r.get("id", Long.class), r.get("tracking_code", String.class), r.get("language", String.class),
                r.get("asker_name", String.class), r.get("asker_email", String.class), r.get("asker_phone", String.class),
                r.get("asker_address", String.class), r.get("topic", String.class), r.get("suggested_unit_id", Long.class),
                r.get("title", String.class), r.get("body", String.class), QuestionStatus.of(r.get("status", String.class)),
                r.get("submitted_at", OffsetDateTime.class), r.get("received_at", OffsetDateTime.class),
                r.get("forwarded_at", OffsetDateTime.class), r.get("answered_at", OffsetDateTime.class),
                r.get("published_at", OffsetDateTime.class), r.get("answer_html", String.class), r.get("answer_unit_id", Long.class),
                r.get("merged_into", Long.class), r.get("anonymised_at", OffsetDateTime.class), r.get("version", Integer.class));
    }
}
