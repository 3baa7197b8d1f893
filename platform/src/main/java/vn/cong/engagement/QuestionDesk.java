package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.content.RichText;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.workflow.Actor;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The staff side of questions and answers [003 Đ13]: the desk (staff holding {@link Role#QA_DESK}) receives a confirmed
 * question, forwards it to one or more units, may send it back to the asker for more information or merge it into a
 * question on the same matter; each unit's staff (its focal point and its accounts) answer what reached their unit; the
 * desk publishes the answer under the unit's name and e-mails it. The asker's e-mail, phone and address are shown only to
 * the desk and to staff of the units it was forwarded to, not to anyone else (the tenant admin included) [001 Đ2.6].
 */
@Singleton
public class QuestionDesk {

    private final TenantDatabase db;
    private final PublicFormSettings settings;
    private final QuestionNotices notices;
    private final MailOutbox mail;
    private final PublicLinks links;
    private final AnswerApproval approval;
    private final DeskDeadlines deskDeadlines;
    private final Clock clock;

    public QuestionDesk(TenantDatabase db, PublicFormSettings settings, QuestionNotices notices,
                        MailOutbox mail, PublicLinks links, AnswerApproval approval, DeskDeadlines deskDeadlines, Clock clock) {
        this.deskDeadlines = deskDeadlines;
        this.approval = approval;
        this.db = db;
        this.settings = settings;
        this.notices = notices;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
    }

    /** A unit a question was forwarded to, with its answer once given. */
    public record Forward(long unitId, String unitName, OffsetDateTime forwardedAt, @Nullable OffsetDateTime answeredAt,
                          @Nullable String answerHtml, boolean mine) {
    }

    /** A question as a staff member sees it: personal data only when {@code personalData}. */
    public record Detail(Question question, boolean personalData, boolean desk, List<Forward> forwards, List<QaDeadlines.Step> steps,
                         List<Event> events, String topicName, @Nullable Long answerItemId) {
    }

    public record Event(OffsetDateTime at, String action, String actor, String note) {
    }

    /** A line of the queue. */
    public record Row(long id, String trackingCode, String title, QuestionStatus status, OffsetDateTime submittedAt, String units,
                      @Nullable QaDeadlines.Step next, boolean overdue) {
    }

    public static boolean isDesk(Actor actor) {
        return actor.roles().contains(Role.QA_DESK);
    }

    /** The desk sees every confirmed question; other staff the questions forwarded to their unit. */
    public Mono<List<Row>> queue(Tenant tenant, Actor actor) {
        return rows(tenant, isDesk(actor), actor.id());
    }

    /** The questions the desk or a unit still has to act on, each with its next step and deadline (titles only: for the deadline board). */
    public Mono<List<Row>> open(Tenant tenant) {
        return rows(tenant, true, -1).map(rows -> rows.stream().filter(r -> r.next() != null).toList());
    }

    private Mono<List<Row>> rows(Tenant tenant, boolean everything, long accountId) {
        return Mono.zip(calculator(tenant), db.flux(tenant, c -> c.query("SELECT " + Question.COLUMNS + """
                        , (SELECT string_agg(u.name, ', ' ORDER BY u.name) FROM question_forwards f JOIN org_units u ON u.id = f.unit_id
                           WHERE f.question_id = q.id) AS units,
                          (SELECT count(*) FROM question_forwards f WHERE f.question_id = q.id) AS unit_count
                        FROM questions q WHERE q.status <> 'unconfirmed' AND ($1 OR EXISTS (
                            SELECT 1 FROM question_forwards f JOIN org_units u ON u.id = f.unit_id WHERE f.question_id = q.id
                              AND (u.focal_account_id = $2 OR u.id = (SELECT unit_id FROM accounts WHERE id = $2))))
                        ORDER BY q.status IN ('received', 'forwarded', 'answered', 'approving') DESC, q.received_at DESC NULLS LAST, q.id DESC
                        LIMIT 500""",
                r -> new Object[] {Question.of(r), r.get("units", String.class), r.get("unit_count", Long.class)},
                everything, accountId)).collectList())
                .map(t -> t.getT2().stream().map(row -> {
                    Question q = (Question) row[0];
                    List<QaDeadlines.Step> steps = steps(t.getT1(), q, ((Long) row[2]).intValue());
                    QaDeadlines.Step next = DeskDeadlines.next(steps, q.status().open());
                    return new Row(q.id(), q.trackingCode(), q.title(), q.status(), q.submittedAt(), row[1] == null ? "" : (String) row[1], next,
                            deskDeadlines.overdue(next));
                }).toList());
    }

    /** The question with id {@code id} of this tenant (empty: none), as {@code actor} may see it. */
    public Mono<Optional<Detail>> detail(Tenant tenant, long id, Actor actor) {
        return db.mono(tenant, c -> c.query("SELECT " + Question.COLUMNS + ", t.name_vi, q.answer_item_id FROM questions q"
                                + " JOIN question_topics t ON t.code = q.topic WHERE q.id = $1 AND q.status <> 'unconfirmed'",
                                r -> new Object[] {Question.of(r), r.get("name_vi", String.class), r.get("answer_item_id", Long.class)}, id)
                        .next()
                        .flatMap(row -> Mono.zip(forwards(c, id, actor.id()).collectList(), events(c, id).collectList())
                                .map(t -> new Object[] {row[0], row[1], t.getT1(), t.getT2(), row[2]})))
                .zipWith(calculator(tenant))
                .map(t -> {
                    Object[] row = t.getT1();
                    Question q = (Question) row[0];
                    @SuppressWarnings("unchecked") List<Forward> forwards = (List<Forward>) row[2];
                    @SuppressWarnings("unchecked") List<Event> events = (List<Event>) row[3];
                    boolean unitStaff = forwards.stream().anyMatch(Forward::mine);
                    boolean personal = isDesk(actor) || unitStaff;
                    Question shown = personal ? q : new Question(q.id(), q.trackingCode(), q.language(), q.askerName(), "", "", "", q.topic(),
                            q.suggestedUnitId(), q.title(), q.body(), q.status(), q.submittedAt(), q.receivedAt(), q.forwardedAt(), q.answeredAt(),
                            q.publishedAt(), q.answerHtml(), q.answerUnitId(), q.mergedInto(), q.anonymisedAt(), q.version());
                    return Optional.of(new Detail(shown, personal, isDesk(actor), forwards, steps(t.getT2(), q, forwards.size()), events, (String) row[1],
                            (Long) row[4]));
                })
                .defaultIfEmpty(Optional.empty());
    }

    /** Forwards a received question (or one already forwarded, to more units); the answer's deadline runs from the first forwarding. */
    public Mono<Void> forward(Tenant tenant, long id, List<Long> unitIds, Actor actor) {
        if (!isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận hỏi – đáp được chuyển câu hỏi.", true));
        }
        if (unitIds.isEmpty()) {
            return Mono.error(new QuestionRefused("Xin chọn ít nhất một đơn vị để chuyển câu hỏi.", false));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.query("SELECT id FROM org_units WHERE id = ANY ($1::bigint[])", r -> r.get(0, Long.class),
                        // one parameter, the whole array (not spread over the varargs)
                        new Object[] {unitIds.toArray(Long[]::new)}).collectList()
                .flatMap(found -> found.size() != java.util.Set.copyOf(unitIds).size()
                        ? Mono.error(new QuestionRefused("Có đơn vị không thuộc cổng này.", false))
                        : c.one("""
                                UPDATE questions SET status = 'forwarded', forwarded_at = coalesce(forwarded_at, $2), version = version + 1
                                WHERE id = $1 AND status IN ('received', 'forwarded') RETURNING title""", r -> r.get(0, String.class), id, now)
                        .switchIfEmpty(Mono.error(new QuestionRefused("Câu hỏi không ở bước tiếp nhận: không chuyển được.", false)))
                        .flatMap(title -> Flux.fromIterable(found).concatMap(unit -> c.update("""
                                        INSERT INTO question_forwards (question_id, unit_id, forwarded_at, forwarded_by) VALUES ($1, $2, $3, $4)
                                        ON CONFLICT DO NOTHING""", id, unit, now, actor.id())
                                        .flatMap(n -> n == 0 ? Mono.just(0L)
                                                : notices.toUnit(c, unit, "Câu hỏi được chuyển đến đơn vị để trả lời: «" + title + "»")))
                                .then(Questions.event(c, id, actor.id(), "forwarded", String.join(", ", unitIds.stream().map(String::valueOf).toList()), now)))))
                .then();
    }

    /** A unit's answer, given by its staff or by the desk; once every forwarded unit has answered, the answer is in. */
    public Mono<Void> answer(Tenant tenant, long id, long unitId, String html, Actor actor) {
        String clean = RichText.sanitize(html == null ? "" : html);
        if (RichText.plain(clean).isBlank()) {
            return Mono.error(new QuestionRefused("Xin nhập nội dung trả lời.", false));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("""
                        SELECT count(*) FROM question_forwards f JOIN org_units u ON u.id = f.unit_id
                        WHERE f.question_id = $1 AND f.unit_id = $2 AND ($3 OR u.focal_account_id = $4 OR u.id = (SELECT unit_id FROM accounts WHERE id = $4))""",
                        r -> r.get(0, Long.class) > 0, id, unitId, isDesk(actor), actor.id())
                .flatMap(may -> !may ? Mono.error(new QuestionRefused("Chỉ cán bộ của đơn vị được chuyển câu hỏi (hoặc bộ phận tiếp nhận) được trả lời.", true))
                        : c.update("""
                                UPDATE question_forwards SET answered_at = $3, answered_by = $4, answer_html = $5
                                WHERE question_id = $1 AND unit_id = $2 AND (SELECT status FROM questions WHERE id = $1) = 'forwarded'""",
                                id, unitId, now, actor.id(), clean))
                .flatMap(n -> n == 0 ? Mono.error(new QuestionRefused("Câu hỏi không ở bước chờ đơn vị trả lời.", false))
                        : Questions.event(c, id, actor.id(), "unit-answered", String.valueOf(unitId), now))
                .then(c.one("""
                        UPDATE questions q SET status = 'answered', answered_at = $2, version = version + 1,
                            answer_unit_id = (SELECT f.unit_id FROM question_forwards f WHERE f.question_id = q.id ORDER BY f.answered_at, f.unit_id LIMIT 1),
                            answer_html = (SELECT string_agg(f.answer_html, '' ORDER BY f.answered_at, f.unit_id) FROM question_forwards f WHERE f.question_id = q.id)
                        WHERE q.id = $1 AND q.status = 'forwarded'
                          AND NOT EXISTS (SELECT 1 FROM question_forwards f WHERE f.question_id = q.id AND f.answered_at IS NULL)
                        RETURNING title""", r -> r.get(0, String.class), id, now)
                        .flatMap(title -> Questions.event(c, id, actor.id(), "answered", "", now)
                                .then(notices.toDesk(c, "Đã có trả lời, cần đăng lên cổng và gửi người hỏi: «" + title + "»")))
                        .then()));
    }

    /**
     * Sends the answer (as the desk edited it, sanitised) through the tenant's approval policy ({@link AnswerApproval}); once the
     * workflow publishes it, the question is published under the answering unit's name and the asker e-mailed
     * ({@link AnswerOutcomes}). {@code sensitivity} says how many approval levels the policy asks for (sensitive by default).
     */
    public Mono<vn.cong.workflow.Outcome> sendForApproval(Tenant tenant, long id, String html, @Nullable String sensitivity, @Nullable String phone, Actor actor) {
        if (!isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận hỏi – đáp được gửi duyệt câu trả lời.", true));
        }
        String clean = RichText.sanitize(html == null ? "" : html);
        if (RichText.plain(clean).isBlank()) {
            return Mono.error(new QuestionRefused("Câu trả lời không được để trống.", false));
        }
        return approval.send(tenant, CitizenItem.QUESTION, id, clean, clean, sensitivity, phone, actor);
    }

    /** Sends a received question back to the asker for more information, by e-mail, with the desk's note. */
    public Mono<Void> sendBack(Tenant tenant, long id, String note, Actor actor) {
        if (!isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận hỏi – đáp được đề nghị người hỏi bổ sung.", true));
        }
        String text = QuestionForm.text(note);
        if (text.isBlank()) {
            return Mono.error(new QuestionRefused("Xin ghi rõ thông tin người hỏi cần bổ sung.", false));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.query("UPDATE questions SET status = 'returned', closed_at = $2, version = version + 1 WHERE id = $1 AND status = 'received'"
                                + " RETURNING " + Question.COLUMNS.replace("q.", ""), Question::of, id, now).next()
                .switchIfEmpty(Mono.error(new QuestionRefused("Chỉ câu hỏi vừa tiếp nhận (chưa chuyển đơn vị) mới được gửi lại người hỏi.", false)))
                .flatMap(q -> Questions.event(c, id, actor.id(), "returned", text, now)
                        .then(q.askerEmail().isBlank() ? Mono.just(0L) : mail.enqueue(tenant, c, returnedMail(tenant, q, text)))))
                .then();
    }

    /** Merges a question into another on the same matter: it closes, its status page points to the other's answer. */
    public Mono<Void> merge(Tenant tenant, long id, long intoId, Actor actor) {
        if (!isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận hỏi – đáp được gộp câu hỏi.", true));
        }
        if (id == intoId) {
            return Mono.error(new QuestionRefused("Không gộp một câu hỏi vào chính nó.", false));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("""
                        UPDATE questions SET status = 'merged', merged_into = $2, closed_at = $3, version = version + 1
                        WHERE id = $1 AND status IN ('received', 'forwarded', 'returned')
                          AND EXISTS (SELECT 1 FROM questions o WHERE o.id = $2 AND o.status NOT IN ('unconfirmed', 'merged', 'withdrawn'))
                        RETURNING id""", r -> r.get(0, Long.class), id, intoId, now)
                .switchIfEmpty(Mono.error(new QuestionRefused("Không gộp được: câu hỏi đã đóng, hoặc câu hỏi gộp vào không có trong cổng.", false)))
                .flatMap(x -> Questions.event(c, id, actor.id(), "merged", String.valueOf(intoId), now)))
                .then();
    }

    /**
     * Reminds, once per question and step, whoever acts next when a step's deadline is within {@code window} (or past):
     * the desk to forward or publish, the forwarded units that have not answered yet to answer ({@link DeskDeadlines}).
     */
    public Mono<Integer> remind(Tenant tenant, java.time.Duration window) {
        return open(tenant).flatMap(rows -> deskDeadlines.remind(tenant, rows.stream()
                .map(r -> new DeskDeadlines.Open(CitizenItem.QUESTION, r.id(), r.title(), r.next(), r.overdue())).toList(), window));
    }

    /** Anonymises the questions closed longer ago than the tenant keeps personal data (24 months by default). */
    public Mono<Long> anonymiseExpired(Tenant tenant) {
        return settings.of(tenant).flatMap(s -> db.mono(tenant, c -> Anonymiser.eraseClosedBefore(c, s.anonymiseAfterMonths(), now())));
    }

    private MailMessage returnedMail(Tenant tenant, Question q, String note) {
        boolean en = "en".equals(q.language());
        // the status page carries the form the asker replies with (tracking code and e-mail address)
        String link = links.tenant(tenant, Questions.prefix(q.language()) + Questions.PUBLIC_PATH + "/tra-cuu?ma=" + q.trackingCode());
        return en
                ? new MailMessage(List.of(q.askerEmail()), "More information needed for your question (" + q.trackingCode() + ")", """
                To answer your question “%s”, the desk needs more information:

                %s

                Please add it on your question's status page: %s""".formatted(q.title(), note, link))
                : new MailMessage(List.of(q.askerEmail()), "Đề nghị bổ sung thông tin cho câu hỏi (" + q.trackingCode() + ")", """
                Để trả lời câu hỏi «%s», bộ phận tiếp nhận cần bạn bổ sung thông tin:

                %s

                Xin bổ sung thông tin tại trang tra cứu câu hỏi: %s""".formatted(q.title(), note, link));
    }

    private Flux<Forward> forwards(TenantTx c, long id, long actorId) {
        return c.query("""
                        SELECT f.unit_id, u.name, f.forwarded_at, f.answered_at, f.answer_html,
                               (u.focal_account_id = $2 OR u.id = (SELECT unit_id FROM accounts WHERE id = $2)) AS mine
                        FROM question_forwards f JOIN org_units u ON u.id = f.unit_id WHERE f.question_id = $1 ORDER BY u.name""",
                r -> new Forward(r.get(0, Long.class), r.get(1, String.class), r.get(2, OffsetDateTime.class), r.get(3, OffsetDateTime.class),
                        r.get(4, String.class), Boolean.TRUE.equals(r.get(5, Boolean.class))), id, actorId);
    }

    private static Flux<Event> events(TenantTx c, long id) {
        return c.query("""
                        SELECT e.at, e.action, coalesce(nullif(a.full_name, ''), a.username, 'Người hỏi'), e.note FROM question_events e
                        LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.question_id = $1 ORDER BY e.id""",
                r -> new Event(r.get(0, OffsetDateTime.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)), id);
    }

    private Mono<QaDeadlines> calculator(Tenant tenant) {
        return deskDeadlines.calculator(tenant);
    }

    private static List<QaDeadlines.Step> steps(QaDeadlines d, Question q, int units) {
        return DeskDeadlines.steps(d, q.receivedAt(), q.forwardedAt(), units, q.answeredAt(), q.publishedAt());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
