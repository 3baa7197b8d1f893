package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.workflow.Actor;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.SubmissionRejected;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.Submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Sends a desk's answer (to a question, or to a petition the desk publishes) through the tenant's approval policy like
 * any item [003 Đ13.2: the board publishes the answer]: the answer becomes a content item of the subject's own kind and
 * is submitted to the editorial workflow by the desk, with the answering unit and the desk's particulars. From there the
 * editors, approvers and publishers of the tenant's policy act on it as on an article (their queue, tasks,
 * notifications, audit chain); {@link AnswerOutcomes} publishes the question or petition when the workflow publishes
 * the answer, or gives it back to the desk with the reason when an approver rejects it. Both desks use this one piece.
 */
@Singleton
public class AnswerApproval {


    /**
     * The staff page of the question (petition) whose answer is content item {@code itemId} of this tenant; empty when
     * the item is no answer (or not this tenant's). The item's slug names it: {@code hoi-dap-<question>-<attempt>}.
     */
    public Mono<String> pageOf(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> c.one("SELECT kind, slug FROM content_items WHERE id = $1", r -> new String[] {r.get(0, String.class),
                        r.get(1, String.class)}, itemId))
                .flatMap(item -> Mono.justOrEmpty(CitizenItem.ofKind(item[0]).flatMap(s -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + s.slugPrefix() + "-(\\d+)-\\d+$").matcher(item[1]);
                    return m.matches() ? java.util.Optional.of(s.staffPage() + m.group(1)) : java.util.Optional.<String>empty();
                })));
    }

    /** The content kinds answers take (never declared kinds: not listed, searched or shown by the public site). */
    public static final Set<String> KINDS = Set.of(CitizenItem.QUESTION.kind(), CitizenItem.PETITION.kind());

    private final TenantDatabase db;
    private final SubmitItem submit;
    private final Clock clock;

    public AnswerApproval(TenantDatabase db, SubmitItem submit, Clock clock) {
        this.db = db;
        this.submit = submit;
        this.clock = clock;
    }

    /**
     * Sends the answer of {@code subject} {@code id} (which must be answered, waiting for the desk) for approval; the
     * answer's text is {@code answer} ({@code answerHtml} as the item's body). {@code sensitivity} decides how many
     * approval levels the policy asks for; {@code phone} is the desk's contact number when its account has none.
     * Emits the answer item as the workflow left it (submitted).
     */
    public Mono<Outcome> send(Tenant tenant, CitizenItem subject, long id, String answer, String answerHtml, @Nullable String sensitivity,
                           @Nullable String phone, Actor actor) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String level = sensitivity == null || sensitivity.isBlank() ? "sensitive" : sensitivity;
        return db.mono(tenant, c -> c.query(subject.toApproving(), r -> new String[] {r.get(0, String.class), r.get(1, String.class),
                                r.get(2, String.class), r.get(3, String.class)}, id, answer).next()
                        .switchIfEmpty(Mono.error(new QuestionRefused("Chưa có trả lời của đơn vị, hoặc trả lời đã được gửi duyệt.", false)))
                        .flatMap(row -> c.one("SELECT coalesce(nullif(full_name, ''), username), email, phone FROM accounts WHERE id = $1",
                                        r -> new String[] {r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)}, actor.id())
                                .flatMap(me -> {
                                    String contact = phone == null || phone.isBlank() ? me[2] : phone.strip();
                                    Submission s = new Submission(row[3].isBlank() ? "Bộ phận tiếp nhận" : row[3], me[0], "", me[1], contact, level,
                                            null, false, false, null, "Gửi duyệt câu trả lời («" + row[0] + "»)");
                                    if (!s.problems().isEmpty()) {
                                        return Mono.error(new QuestionRefused("Không gửi duyệt được: " + String.join(" ", s.problems().values()), false));
                                    }
                                    return c.one("SELECT count(*) FROM content_items WHERE kind = $1 AND slug LIKE $2",
                                                    r -> r.get(0, Long.class), subject.kind(), subject.slugPrefix() + "-" + id + "-%")
                                            .flatMap(earlier -> c.one("""
                                                            INSERT INTO content_items (kind, language, slug, title, summary, body_html, created_by, updated_by)
                                                            VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id""", r -> r.get(0, Long.class),
                                                    subject.kind(), row[2], subject.slugPrefix() + "-" + id + "-" + (earlier + 1), row[0],
                                                    PublicText.text(row[1]), answerHtml, actor.id()))
                                            .flatMap(item -> c.update("UPDATE " + subject.table() + " SET answer_item_id = $2 WHERE id = $1", id, item)
                                                    .then(subject.event(c, id, actor.id(), "sent-for-approval", "", now))
                                                    .thenReturn(new Object[] {item, s}));
                                })))
                .flatMap(sent -> {
                    long item = (Long) sent[0];
                    return submit.submit(tenant, item, 1, actor, (Submission) sent[1])
                            // the submission was refused: the answer goes back to the desk as it was, the unused item is removed
                            .onErrorResume(e -> db.mono(tenant, c -> c.update("""
                                            UPDATE\s""" + subject.table() + """
                                             SET status = 'answered', answer_item_id = NULL, version = version + 1 WHERE id = $1 AND answer_item_id = $2""",
                                            id, item)
                                    .then(c.update("DELETE FROM content_items WHERE id = $1 AND state = 'draft'", item)))
                                    .then(Mono.error(e instanceof SubmissionRejected r
                                            ? new QuestionRefused("Không gửi duyệt được: " + String.join(" ", r.problems().values()), false) : e)));
                });
    }
}
