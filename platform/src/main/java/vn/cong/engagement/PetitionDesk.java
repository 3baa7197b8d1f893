package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.media.MediaStore;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;
import vn.cong.workflow.Actor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The staff side of feedback and petitions: the desk (the Q&A desk, {@code qa_desk}) forwards a confirmed petition to a
 * unit, the unit's staff (its focal point and accounts) answer, the desk sends the result to the sender by e-mail and
 * may publish the petition and its answer. The sender's e-mail, phone, address and files are shown only to the desk and
 * to the staff of the unit it was forwarded to. Each statement guards the status it moves from.
 */
@Singleton
public class PetitionDesk {

    private final TenantDatabase db;
    private final QuestionNotices notices;
    private final MailOutbox mail;
    private final AnswerMails mails;
    private final AnswerApproval approval;
    private final DeskDeadlines deadlines;
    private final MediaStore media;
    private final PublicFormSettings settings;
    private final Petitions petitions;
    private final Clock clock;

    public PetitionDesk(TenantDatabase db, QuestionNotices notices, MailOutbox mail, AnswerMails mails, AnswerApproval approval, MediaStore media,
                        PublicFormSettings settings, Petitions petitions, DeskDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.mails = mails;
        this.approval = approval;
        this.settings = settings;
        this.petitions = petitions;
        this.db = db;
        this.notices = notices;
        this.mail = mail;
        this.media = media;
        this.clock = clock;
    }

    /** A line of the queue, with the next step and its deadline while the petition is open. */
    public record Row(long id, String trackingCode, String title, PetitionStatus status, OffsetDateTime submittedAt, String unitName,
                      @Nullable QaDeadlines.Step next, boolean overdue) {
    }

    /** A petition as {@code actor} may see it: without personal data or files unless {@code personal}. */
    public record Detail(long id, String trackingCode, String language, String name, String email, String phone, String address,
                         @Nullable String suggestedUnit, String title, String body, PetitionStatus status, OffsetDateTime submittedAt,
                         @Nullable Long unitId, @Nullable String unitName, String answer, List<File> files, boolean personal, boolean desk,
                         boolean unitStaff, @Nullable Long answerItemId) {
    }

    /** A file sent with a petition. */
    public record File(long mediaId, String name, long size) {
    }

    /** A file to download: where it is on disk and what it is. */
    public record Download(Path path, String contentType, String name) {
    }

    // whether account $2 is staff of the unit petition p was forwarded to (its focal point, or an account of the unit)
    private static final String UNIT_STAFF = """
            EXISTS (SELECT 1 FROM org_units u WHERE u.id = p.unit_id
                    AND (u.focal_account_id = $2 OR u.id = (SELECT unit_id FROM accounts WHERE id = $2)))""";

    /** The desk sees every confirmed petition; other staff the petitions forwarded to their unit. */
    public Mono<List<Row>> queue(Tenant tenant, Actor actor) {
        return rows(tenant, QuestionDesk.isDesk(actor), actor.id());
    }

    /** The petitions the desk or a unit still has to act on, each with its next step and deadline (for the deadline board). */
    public Mono<List<Row>> open(Tenant tenant) {
        return rows(tenant, true, -1).map(rows -> rows.stream().filter(r -> r.next() != null).toList());
    }

    /**
     * Reminds, once per petition and step, whoever acts next when a step's deadline is within {@code window} (or past):
     * the desk to forward or send the result, the unit to answer ({@link DeskDeadlines}, as for questions).
     */
    public Mono<Integer> remind(Tenant tenant, java.time.Duration window) {
        return open(tenant).flatMap(rows -> deadlines.remind(tenant, rows.stream()
                .map(r -> new DeskDeadlines.Open(CitizenItem.PETITION, r.id(), r.title(), r.next(), r.overdue())).toList(), window));
    }

    private Mono<List<Row>> rows(Tenant tenant, boolean everything, long accountId) {
        return deadlines.calculator(tenant).flatMap(calc -> db.flux(tenant, c -> c.query("""
                        SELECT p.id, p.tracking_code, p.title, p.status, p.submitted_at, coalesce(u.name, ''), p.received_at, p.forwarded_at,
                               p.answered_at, p.closed_at FROM petitions p
                        LEFT JOIN org_units u ON u.id = p.unit_id WHERE p.status <> 'unconfirmed' AND ($1 OR""" + " " + UNIT_STAFF + """
                        ) ORDER BY p.status IN ('received', 'forwarded', 'answered', 'approving') DESC, p.received_at DESC NULLS LAST, p.id DESC LIMIT 500""",
                r -> {
                    PetitionStatus status = PetitionStatus.of(r.get(3, String.class));
                    QaDeadlines.Step next = DeskDeadlines.next(DeskDeadlines.steps(calc, r.get(6, OffsetDateTime.class), r.get(7, OffsetDateTime.class), 1,
                            r.get(8, OffsetDateTime.class), r.get(9, OffsetDateTime.class)), status.open());
                    return new Row(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), status, r.get(4, OffsetDateTime.class),
                            r.get(5, String.class), next, deadlines.overdue(next));
                }, everything, accountId)).collectList());
    }

    /** The steps of a petition with their deadlines (late ones marked by the page). */
    public Mono<List<QaDeadlines.Step>> steps(Tenant tenant, long id) {
        return deadlines.calculator(tenant).flatMap(calc -> db.mono(tenant, c -> c.query("""
                        SELECT received_at, forwarded_at, answered_at, closed_at FROM petitions WHERE id = $1""",
                r -> DeskDeadlines.steps(calc, r.get(0, OffsetDateTime.class), r.get(1, OffsetDateTime.class), 1, r.get(2, OffsetDateTime.class),
                        r.get(3, OffsetDateTime.class)), id).next()))
                .defaultIfEmpty(List.of());
    }

    public Mono<Optional<Detail>> detail(Tenant tenant, long id, Actor actor) {
        boolean desk = QuestionDesk.isDesk(actor);
        return db.mono(tenant, c -> c.query("""
                        SELECT p.id, p.tracking_code, p.language, p.sender_name, p.sender_email, p.sender_phone, p.sender_address, s.name AS suggested,
                               p.title, p.body, p.status, p.submitted_at, p.unit_id, u.name AS unit_name, p.answer_text, p.answer_item_id,""" + " " + UNIT_STAFF + """
                         AS unit_staff FROM petitions p LEFT JOIN org_units u ON u.id = p.unit_id LEFT JOIN org_units s ON s.id = p.suggested_unit_id
                        WHERE p.id = $1 AND p.status <> 'unconfirmed'""", r -> new Object[] {r.get("id", Long.class), r.get("tracking_code", String.class), r.get("language", String.class),
                        r.get("sender_name", String.class), r.get("sender_email", String.class), r.get("sender_phone", String.class),
                        r.get("sender_address", String.class), r.get("suggested", String.class), r.get("title", String.class), r.get("body", String.class),
                        PetitionStatus.of(r.get("status", String.class)), r.get("submitted_at", OffsetDateTime.class), r.get("unit_id", Long.class),
                        r.get("unit_name", String.class), r.get("answer_text", String.class), Boolean.TRUE.equals(r.get("unit_staff", Boolean.class)),
                        r.get("answer_item_id", Long.class)}, id, actor.id())
                .next()
                .flatMap(row -> files(c, id).collectList().map(files -> {
                    boolean unitStaff = (Boolean) row[15];
                    boolean personal = desk || unitStaff;
                    return Optional.of(new Detail((Long) row[0], (String) row[1], (String) row[2], (String) row[3], personal ? (String) row[4] : "",
                            personal ? (String) row[5] : "", personal ? (String) row[6] : "", (String) row[7], (String) row[8], (String) row[9],
                            (PetitionStatus) row[10], (OffsetDateTime) row[11], (Long) row[12], (String) row[13], (String) row[14],
                            personal ? files : List.of(), personal, desk, unitStaff, (Long) row[16]));
                })))
                .defaultIfEmpty(Optional.empty());
    }

    private static reactor.core.publisher.Flux<File> files(TenantTx c, long id) {
        return c.query("""
                SELECT m.id, m.original_name, m.size_bytes FROM petition_files f JOIN media_files m ON m.id = f.media_id
                WHERE f.petition_id = $1 ORDER BY f.position""", r -> new File(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class)), id);
    }

    /** A file of a petition, for the desk and the unit's staff only; empty for anyone else or a file of another petition. */
    public Mono<Optional<Download>> file(Tenant tenant, long id, long mediaId, Actor actor) {
        return detail(tenant, id, actor).flatMap(found -> found.isEmpty() || !found.get().personal() ? Mono.just(Optional.<Download>empty())
                : db.mono(tenant, c -> c.query("""
                                SELECT m.stored_path, m.content_type, m.original_name FROM petition_files f JOIN media_files m ON m.id = f.media_id
                                WHERE f.petition_id = $1 AND f.media_id = $2""",
                        r -> new Download(media.folder(tenant).resolve(r.get(0, String.class)), r.get(1, String.class), r.get(2, String.class)),
                        id, mediaId).next().map(Optional::of).defaultIfEmpty(Optional.empty())));
    }

    /** Forwards a received petition to a unit (or to another one while it is not answered); the unit is told. */
    public Mono<Void> forward(Tenant tenant, long id, long unitId, Actor actor) {
        if (!QuestionDesk.isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận được chuyển phản ánh, kiến nghị.", true));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("""
                        UPDATE petitions SET status = 'forwarded', unit_id = $2, forwarded_at = $3, version = version + 1
                        WHERE id = $1 AND status IN ('received', 'forwarded') AND EXISTS (SELECT 1 FROM org_units WHERE id = $2) RETURNING title""",
                        r -> r.get(0, String.class), id, unitId, now)
                .switchIfEmpty(Mono.error(new QuestionRefused("Không chuyển được: phản ánh đã được trả lời, hoặc đơn vị không có trong cổng.", false)))
                .flatMap(title -> Petitions.event(c, id, actor.id(), "forwarded", String.valueOf(unitId), now)
                        .then(notices.toUnit(c, unitId, "Phản ánh, kiến nghị được chuyển tới đơn vị: «" + title + "»"))))
                .then();
    }

    /** The unit's answer, by its staff or the desk; the desk is told. */
    public Mono<Void> answer(Tenant tenant, long id, String text, Actor actor) {
        String answer = PublicText.text(text);
        if (answer.isEmpty()) {
            return Mono.error(new QuestionRefused("Nội dung trả lời không được để trống.", false));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("UPDATE petitions p SET status = 'answered', answered_at = $3, answer_text = $4, version = version + 1"
                                + " WHERE p.id = $1 AND p.status = 'forwarded' AND ($5 OR " + UNIT_STAFF + ") RETURNING title",
                        r -> r.get(0, String.class), id, actor.id(), now, answer, QuestionDesk.isDesk(actor))
                .switchIfEmpty(Mono.error(new QuestionRefused("Chỉ cán bộ của đơn vị được chuyển, hoặc bộ phận tiếp nhận, được trả lời phản ánh đang chờ trả lời.", false)))
                .flatMap(title -> Petitions.event(c, id, actor.id(), "answered", "", now)
                        .then(notices.toDesk(c, "Đơn vị đã trả lời phản ánh, kiến nghị: «" + title + "»"))))
                .then();
    }

    /**
     * Sends the answer to the sender by e-mail and closes the petition. With {@code publish} the answer first goes through
     * the tenant's approval policy ({@link AnswerApproval}, as a question's does): once the workflow publishes it, the
     * petition and its answer go on the portal and the sender is e-mailed ({@link AnswerOutcomes}).
     */
    public Mono<Void> finish(Tenant tenant, long id, boolean publish, @Nullable String sensitivity, @Nullable String phone, Actor actor) {
        return publish ? sendForApproval(tenant, id, sensitivity, phone, actor).then() : close(tenant, id, actor);
    }

    /** Sends the unit's answer through the tenant's approval policy, to be published with the petition (see {@link #finish}). */
    public Mono<vn.cong.workflow.Outcome> sendForApproval(Tenant tenant, long id, @Nullable String sensitivity, @Nullable String phone, Actor actor) {
        if (!QuestionDesk.isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận được gửi kết quả và công khai phản ánh, kiến nghị.", true));
        }
        return db.mono(tenant, c -> c.one("SELECT answer_text FROM petitions WHERE id = $1", r -> r.get(0, String.class), id))
                .defaultIfEmpty("")
                .flatMap(answer -> approval.send(tenant, CitizenItem.PETITION, id, answer, paragraphs(answer), sensitivity, phone, actor));
    }

    /** Sends the answer to the sender by e-mail and closes the petition, without publishing it. */
    private Mono<Void> close(Tenant tenant, long id, Actor actor) {
        if (!QuestionDesk.isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận được gửi kết quả cho người gửi phản ánh, kiến nghị.", true));
        }
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.query("""
                                UPDATE petitions SET status = 'closed', closed_at = $2, version = version + 1
                                WHERE id = $1 AND status = 'answered' RETURNING tracking_code, language, sender_email, title, answer_text""",
                        r -> new String[] {r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                                r.get(4, String.class)}, id, now)
                        .next()
                        .switchIfEmpty(Mono.error(new QuestionRefused("Phản ánh chưa có trả lời của đơn vị, hoặc đã gửi kết quả.", false)))
                        .flatMap(p -> Petitions.event(c, id, actor.id(), "closed", "", now)
                                .then(p[2].isBlank() ? Mono.just(0L) : mail.enqueue(tenant, c, mails.petition(tenant, p, null)))))
                .then();
    }

    /** Plain text as HTML paragraphs, escaped. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String para : text.split("\n\s*\n|\n")) {
            if (!para.isBlank()) {
                html.append("<p>").append(para.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")).append("</p>");
            }
        }
        return html.toString();
    }

    /**
     * Erases the personal data and files of every petition closed longer ago than the tenant keeps them
     * ({@code anonymise_after_months}, Decree 13/2023), keeping its text and answer. The number of petitions erased.
     */
    public Mono<Long> anonymiseExpired(Tenant tenant) {
        OffsetDateTime now = now();
        return settings.of(tenant).flatMap(s -> db.mono(tenant, c -> c.query("""
                                SELECT id FROM petitions WHERE anonymised_at IS NULL AND closed_at IS NOT NULL
                                  AND closed_at < $1 - make_interval(months => $2)""", r -> r.get(0, Long.class), now, s.anonymiseAfterMonths())
                        .collectList()
                        .flatMap(ids -> reactor.core.publisher.Flux.fromIterable(ids).concatMap(id -> Petitions.erase(c, id, now))
                                .flatMapIterable(paths -> paths).collectList()
                                .map(paths -> new Object[] {(long) ids.size(), paths})))
                .flatMap(done -> {
                    @SuppressWarnings("unchecked") List<String> paths = (List<String>) done[1];
                    return petitions.deleteFiles(tenant, paths).thenReturn((Long) done[0]);
                }));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
