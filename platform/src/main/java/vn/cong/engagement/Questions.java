package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The citizen's side of questions and answers: asking (through {@link FormProtection}; the question waits until its
 * e-mail address is confirmed by a link valid a day, then enters the desk's queue), the status page by tracking
 * code, withdrawing (and erasing the personal data on request, Decree 13/2023), and reading the published answers.
 * SQL is hand-written: each statement guards the status it moves from, so a double click changes nothing twice.
 */
@Singleton
public class Questions {

    public static final String PUBLIC_PATH = "/hoi-dap";
    private static final Logger LOG = LoggerFactory.getLogger(Questions.class);

    private final TenantDatabase db;
    private final FormProtection protection;
    private final EmailConfirmations confirmations;
    private final MailOutbox mail;
    private final PublicLinks links;
    private final QuestionNotices notices;
    private final TrackingCodes codes;

    public Questions(TenantDatabase db, FormProtection protection, EmailConfirmations confirmations, MailOutbox mail, PublicLinks links,
                     QuestionNotices notices, TrackingCodes codes) {
        this.codes = codes;
        this.db = db;
        this.protection = protection;
        this.confirmations = confirmations;
        this.mail = mail;
        this.links = links;
        this.notices = notices;
    }

    /** A topic of the tenant's list. */
    public record Topic(String code, String nameVi, String nameEn) {

        public String name(String lang) {
            return "en".equals(lang) ? nameEn : nameVi;
        }
    }

    /** What asking came to: the tracking code, or the problems by field, or the protection's refusal. */
    public sealed interface Asked {
        record Taken(String trackingCode) implements Asked {
        }

        record Invalid(Map<String, String> problems) implements Asked {
        }

        record Refused(FormProtection.Refusal refusal) implements Asked {
        }
    }

    public Mono<List<Topic>> topics(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT code, name_vi, name_en FROM question_topics ORDER BY position, code",
                r -> new Topic(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)))).collectList();
    }

    /** Takes a question from the public form; it waits for its e-mail address to be confirmed. */
    public Mono<Asked> ask(Tenant tenant, String lang, QuestionForm form, String address) {
        return topics(tenant).flatMap(topics -> {
            Set<String> codes = topics.stream().map(Topic::code).collect(Collectors.toSet());
            Map<String, String> problems = new java.util.LinkedHashMap<>(form.problems(lang, codes));
            Mono<Boolean> unitOk = form.unitId() == null ? Mono.just(form.unit() == null || form.unit().isBlank())
                    : db.mono(tenant, c -> c.one("SELECT count(*) FROM org_units WHERE id = $1", r -> r.get(0, Long.class) > 0, form.unitId()));
            return unitOk.flatMap(ok -> {
                if (!ok) {
                    problems.put("unit", "en".equals(lang) ? "Please choose a unit from the list." : "Xin chọn đơn vị trong danh sách.");
                }
                if (!problems.isEmpty()) {
                    return Mono.just((Asked) new Asked.Invalid(problems));
                }
                String email = QuestionForm.line(form.email());
                return protection.admit(tenant, "question", address, email, form.website())
                        .flatMap(refusal -> refusal.isPresent() ? Mono.just((Asked) new Asked.Refused(refusal.get()))
                                : store(tenant, lang, form).map(code -> (Asked) new Asked.Taken(code)));
            });
        });
    }

    private Mono<String> store(Tenant tenant, String lang, QuestionForm form) {
        EmailConfirmations.Issued link = confirmations.issue();
        String code = trackingCode();
        OffsetDateTime now = confirmations.now().atOffset(ZoneOffset.UTC);
        String email = QuestionForm.line(form.email());
        String title = QuestionForm.line(form.title());
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO questions (tracking_code, language, asker_name, asker_email, asker_phone, asker_address, topic,
                            suggested_unit_id, title, body, consented_at, status, confirm_hash, confirm_expires_at, submitted_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'unconfirmed', $12, $13, $11) RETURNING id""",
                        r -> r.get(0, Long.class), code, lang, QuestionForm.line(form.name()), email, QuestionForm.line(form.phone()),
                        QuestionForm.line(form.address()), form.topic(), vn.cong.system.Sql.orNull(form.unitId(), Long.class), title,
                        QuestionForm.text(form.body()), now, link.hash(), link.expiresAt().atOffset(ZoneOffset.UTC))
                .flatMap(id -> event(c, id, null, "submitted", "", now)
                        .then(mail.enqueue(tenant, c, confirmationMail(tenant, lang, email, code, title, link.token()))))
                .thenReturn(code));
    }

    private MailMessage confirmationMail(Tenant tenant, String lang, String to, String code, String title, String token) {
        String link = links.tenant(tenant, prefix(lang) + PUBLIC_PATH + "/xac-nhan/" + token);
        String portal = tenant.name("en".equals(lang) ? "en" : "vi");
        if ("en".equals(lang)) {
            return new MailMessage(List.of(to), "Please confirm your question to " + portal, """
                    You sent a question to %s: “%s”.
                    Its tracking code is %s.

                    Please confirm your e-mail address within 24 hours by opening this link; the question reaches the desk only then:
                    %s

                    If you did not send it, ignore this message and nothing more will happen.""".formatted(portal, title, code, link));
        }
        return new MailMessage(List.of(to), "Xác nhận câu hỏi gửi " + portal, """
                Bạn đã gửi câu hỏi tới %s: «%s».
                Mã tra cứu của câu hỏi: %s.

                Xin xác nhận địa chỉ thư điện tử trong vòng 24 giờ bằng cách mở đường dẫn dưới đây; câu hỏi chỉ được chuyển tới bộ phận tiếp nhận sau khi xác nhận:
                %s

                Nếu bạn không gửi câu hỏi này, xin bỏ qua thư; sẽ không có gì xảy ra thêm.""".formatted(portal, title, code, link));
    }

    /**
     * A question the desk takes in by another channel (a letter, a phone call; the demo): received at once, with no
     * e-mail address to confirm, so no e-mail goes to the asker. Returns its id.
     */
    public Mono<Long> takeIn(Tenant tenant, String lang, String title, String body, String askerName, String topic) {
        OffsetDateTime now = confirmations.now().atOffset(ZoneOffset.UTC);
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO questions (tracking_code, language, asker_name, asker_email, topic, title, body, consented_at, status,
                            submitted_at, received_at) VALUES ($1, $2, $3, '', $4, $5, $6, $7, 'received', $7, $7) RETURNING id""",
                        r -> r.get(0, Long.class), trackingCode(), lang, QuestionForm.line(askerName), topic, QuestionForm.line(title),
                        QuestionForm.text(body), now)
                .flatMap(id -> event(c, id, null, "received", "taken in by the desk", now).thenReturn(id)));
    }

    /** Whether the tenant has any question at all. */
    public Mono<Boolean> any(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT count(*) > 0 FROM questions", r -> Boolean.TRUE.equals(r.get(0, Boolean.class))));
    }

    /** What following a confirmation link came to. */
    public enum Confirmed { CONFIRMED, ALREADY, EXPIRED, UNKNOWN }

    /** The question a confirmation link names (for the page that asks to press the button), if still waiting. */
    public Mono<Optional<String>> waitingCode(Tenant tenant, String token) {
        return db.flux(tenant, c -> c.query("SELECT tracking_code FROM questions WHERE confirm_hash = $1",
                r -> r.get(0, String.class), EmailConfirmations.hash(token))).collectList().map(l -> l.stream().findFirst());
    }

    /** Confirms the address a link was sent to: the question enters the desk's queue and the desk is told. */
    public Mono<Confirmed> confirm(Tenant tenant, String token) {
        String hash = EmailConfirmations.hash(token);
        return db.mono(tenant, c -> c.query("SELECT id, status, confirm_expires_at, title FROM questions WHERE confirm_hash = $1",
                        r -> new Object[] {r.get(0, Long.class), r.get(1, String.class), r.get(2, OffsetDateTime.class), r.get(3, String.class)}, hash)
                .next()
                .flatMap(row -> {
                    long id = (Long) row[0];
                    if (!"unconfirmed".equals(row[1])) {
                        return Mono.just(Confirmed.ALREADY);
                    }
                    if (!confirmations.stillValid(((OffsetDateTime) row[2]).toInstant())) {
                        return Mono.just(Confirmed.EXPIRED);
                    }
                    OffsetDateTime now = confirmations.now().atOffset(ZoneOffset.UTC);
                    return c.update("UPDATE questions SET status = 'received', received_at = $2, version = version + 1 WHERE id = $1 AND status = 'unconfirmed'",
                                    id, now)
                            .flatMap(n -> n == 0 ? Mono.just(Confirmed.ALREADY) : event(c, id, null, "received", "", now)
                                    .then(notices.toDesk(c, "Câu hỏi mới cần chuyển đơn vị trả lời: «" + row[3] + "»"))
                                    .thenReturn(Confirmed.CONFIRMED));
                })
                .defaultIfEmpty(Confirmed.UNKNOWN));
    }

    /** What the asker sees by tracking code: no personal data. */
    public record StatusView(String trackingCode, String title, QuestionStatus status, OffsetDateTime submittedAt,
                             @Nullable Long publishedId, @Nullable String note) {
    }

    public Mono<Optional<StatusView>> status(Tenant tenant, String trackingCode) {
        String code = trackingCode == null ? "" : trackingCode.strip().toUpperCase(java.util.Locale.ROOT);
        return db.flux(tenant, c -> c.query("""
                        SELECT q.tracking_code, q.title, q.status, q.submitted_at, q.id,
                               (SELECT note FROM question_events e WHERE e.question_id = q.id AND e.action = 'returned' ORDER BY e.id DESC LIMIT 1)
                        FROM questions q WHERE q.tracking_code = $1""",
                r -> {
                    QuestionStatus s = QuestionStatus.of(r.get(2, String.class));
                    return new StatusView(r.get(0, String.class), r.get(1, String.class), s, r.get(3, OffsetDateTime.class),
                            s == QuestionStatus.PUBLISHED ? r.get(4, Long.class) : null, s == QuestionStatus.RETURNED ? r.get(5, String.class) : null);
                }, code)).collectList().map(l -> l.stream().findFirst());
    }

    /**
     * Withdraws a question the asker names by tracking code and e-mail; with {@code erase} the personal data goes at once.
     * False when no open question of theirs matches.
     */
    public Mono<Boolean> withdraw(Tenant tenant, String trackingCode, String email, boolean erase) {
        OffsetDateTime now = confirmations.now().atOffset(ZoneOffset.UTC);
        return db.mono(tenant, c -> c.one("""
                        UPDATE questions SET status = CASE WHEN status = 'published' THEN status ELSE 'withdrawn' END,
                            closed_at = coalesce(closed_at, $3), version = version + 1
                        WHERE tracking_code = $1 AND lower(asker_email) = lower($2) AND status NOT IN ('withdrawn', 'merged')
                        RETURNING id""", r -> r.get(0, Long.class),
                        trackingCode.strip().toUpperCase(java.util.Locale.ROOT), QuestionForm.line(email), now)
                .flatMap(id -> event(c, id, null, erase ? "withdrawn-and-erased" : "withdrawn", "", now)
                        .then(erase ? Anonymiser.erase(c, id, now) : Mono.just(0L))
                        .thenReturn(true))
                .defaultIfEmpty(false));
    }

    /**
     * The asker's reply to a request for more information: the question the asker names by tracking code and e-mail,
     * sent back to them, is taken in again with the information added to its text (the forwarding deadline runs from
     * now) and the desk is told. False when no question of theirs waits for more information.
     */
    public Mono<Boolean> reply(Tenant tenant, String trackingCode, String email, String text) {
        OffsetDateTime now = confirmations.now().atOffset(ZoneOffset.UTC);
        String added = QuestionForm.text(text);
        return db.mono(tenant, c -> c.query("""
                        UPDATE questions SET status = 'received', body = body || E'\n\n' || $3 || $4, received_at = $5, closed_at = NULL,
                            version = version + 1
                        WHERE tracking_code = $1 AND lower(asker_email) = lower($2) AND asker_email <> '' AND status = 'returned'
                        RETURNING id, title""", r -> new Object[] {r.get(0, Long.class), r.get(1, String.class)},
                        trackingCode.strip().toUpperCase(java.util.Locale.ROOT), QuestionForm.line(email), "Bổ sung: ", added, now).next()
                .flatMap(row -> event(c, (Long) row[0], null, "asker-replied", added, now)
                        .then(notices.toDesk(c, "Người hỏi đã bổ sung thông tin, câu hỏi cần chuyển đơn vị trả lời: «" + row[1] + "»"))
                        .thenReturn(true))
                .defaultIfEmpty(false));
    }

    /** A published question and its answer, as the public reads it (no personal data but the asker's name). */
    public record Published(long id, String title, String body, String askerName, String topic, String topicName, @Nullable String unitName,
                            String answerHtml, OffsetDateTime submittedAt, OffsetDateTime publishedAt) {
    }

    private static final String PUBLISHED = """
            SELECT q.id, q.title, q.body, q.asker_name, q.topic, t.name_vi, t.name_en, u.name AS unit_name, q.answer_html, q.submitted_at,
                   q.published_at FROM questions q JOIN question_topics t ON t.code = q.topic LEFT JOIN org_units u ON u.id = q.answer_unit_id
            WHERE q.status = 'published'""";

    public Mono<List<Published>> published(Tenant tenant, String lang, @Nullable String topic, @Nullable Long unitId, int limit, int offset) {
        return db.flux(tenant, c -> c.query(PUBLISHED + """
                         AND ($1::text IS NULL OR q.topic = $1) AND ($2::bigint IS NULL OR q.answer_unit_id = $2)
                        ORDER BY q.published_at DESC, q.id DESC""" + vn.cong.system.Sql.page(limit, offset),
                r -> published(r, lang), vn.cong.system.Sql.orNull(topic, String.class), vn.cong.system.Sql.orNull(unitId, Long.class))).collectList();
    }

    public Mono<Optional<Published>> publishedOne(Tenant tenant, String lang, long id) {
        return db.flux(tenant, c -> c.query(PUBLISHED + " AND q.id = $1", r -> published(r, lang), id)).collectList()
                .map(l -> l.stream().findFirst());
    }

    /** The units that have answered a published question (to browse by). */
    public Mono<List<Unit>> answeringUnits(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                SELECT DISTINCT u.id, u.name FROM questions q JOIN org_units u ON u.id = q.answer_unit_id WHERE q.status = 'published'
                ORDER BY u.name""", r -> new Unit(r.get(0, Long.class), null, r.get(1, String.class), "", 0, "", null, "", true, false)))
                .collectList();
    }

    private static Published published(io.r2dbc.spi.Readable r, String lang) {
        return new Published(r.get("id", Long.class), r.get("title", String.class), r.get("body", String.class), r.get("asker_name", String.class),
                r.get("topic", String.class), r.get("en".equals(lang) ? "name_en" : "name_vi", String.class), r.get("unit_name", String.class),
                r.get("answer_html", String.class), r.get("submitted_at", OffsetDateTime.class), r.get("published_at", OffsetDateTime.class));
    }

    static Mono<Long> event(TenantTx c, long questionId, @Nullable Long actorId, String action, String note, OffsetDateTime at) {
        return c.update("INSERT INTO question_events (question_id, at, actor_id, action, note) VALUES ($1, $2, $3, $4, $5)",
                questionId, at, vn.cong.system.Sql.orNull(actorId, Long.class), action, note);
    }

    private String trackingCode() {
        return codes.next("HD");
    }

    public static String prefix(String lang) {
        return "en".equals(lang) ? "/en" : "";
    }
}
