package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

import java.time.OffsetDateTime;

/**
 * What citizens send that a desk handles and answers (a question, a petition): its table, its events, the content kind its answers
 * take in the approval workflow, its reminders, and how its answer is written. The pieces both desks share work on it.
 */
public enum CitizenItem {
    QUESTION("questions", "qa_answer", "hoi-dap", "Trả lời hỏi – đáp", "/quan-tri/hoi-dap/", """
            UPDATE questions q SET status = 'approving', answer_html = $2, version = version + 1
            WHERE q.id = $1 AND q.status = 'answered'
            RETURNING q.title, q.body, q.language, coalesce((SELECT name FROM org_units WHERE id = q.answer_unit_id), '')"""),
    PETITION("petitions", "petition_answer", "phan-anh", "Trả lời phản ánh, kiến nghị", "/quan-tri/phan-anh/", """
            UPDATE petitions p SET status = 'approving', answer_text = $2, version = version + 1
            WHERE p.id = $1 AND p.status = 'answered'
            RETURNING p.title, p.body, p.language, coalesce((SELECT name FROM org_units WHERE id = p.unit_id), '')""");

    private final String table;
    private final String kind;
    private final String slugPrefix;
    private final String kindName;
    private final String staffPage;
    private final String toApproving;

    CitizenItem(String table, String kind, String slugPrefix, String kindName, String staffPage, String toApproving) {
        this.staffPage = staffPage;
        this.table = table;
        this.kind = kind;
        this.slugPrefix = slugPrefix;
        this.kindName = kindName;
        this.toApproving = toApproving;
    }

    /** The content kind its answers take in the workflow. */
    public String kind() {
        return kind;
    }

    /** What the staff call an item of that kind. */
    public String kindName() {
        return kindName;
    }

    String table() {
        return table;
    }

    String slugPrefix() {
        return slugPrefix;
    }

    String staffPage() {
        return staffPage;
    }

    String toApproving() {
        return toApproving;
    }

    /** Records that the reminder of {@code step} went out (1), or that it had already (0). */
    Mono<Long> reminded(TenantTx c, long id, String step, OffsetDateTime at) {
        return c.update("INSERT INTO " + (this == QUESTION ? "question_reminders (question_id" : "petition_reminders (petition_id")
                + ", step, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", id, step, at);
    }

    /** The units still to answer it. */
    reactor.core.publisher.Flux<Long> unitsToAnswer(TenantTx c, long id) {
        return this == QUESTION
                ? c.query("SELECT unit_id FROM question_forwards WHERE question_id = $1 AND answered_at IS NULL", r -> r.get(0, Long.class), id)
                : c.query("SELECT unit_id FROM petitions WHERE id = $1 AND unit_id IS NOT NULL AND answered_at IS NULL", r -> r.get(0, Long.class), id);
    }

    /** How a message names an item of it before its title ("" for a question, as the desk has always read them). */
    String noun() {
        return this == QUESTION ? "" : "phản ánh, kiến nghị ";
    }

    Mono<Long> event(TenantTx c, long id, @Nullable Long actorId, String action, String note, OffsetDateTime at) {
        return this == QUESTION ? Questions.event(c, id, actorId, action, note, at) : Petitions.event(c, id, actorId, action, note, at);
    }

    static java.util.Optional<CitizenItem> ofKind(String kind) {
        for (CitizenItem s : values()) {
            if (s.kind.equals(kind)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
