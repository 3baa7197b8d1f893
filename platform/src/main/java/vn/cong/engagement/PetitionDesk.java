package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.media.MediaStore;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.PublicLinks;
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
    private final PublicChanges changes;
    private final QuestionNotices notices;
    private final MailOutbox mail;
    private final PublicLinks links;
    private final MediaStore media;
    private final PublicFormSettings settings;
    private final Petitions petitions;
    private final Clock clock;

    public PetitionDesk(TenantDatabase db, PublicChanges changes, QuestionNotices notices, MailOutbox mail, PublicLinks links, MediaStore media,
                        PublicFormSettings settings, Petitions petitions, Clock clock) {
        this.settings = settings;
        this.petitions = petitions;
        this.db = db;
        this.changes = changes;
        this.notices = notices;
        this.mail = mail;
        this.links = links;
        this.media = media;
        this.clock = clock;
    }

    /** A line of the queue. */
    public record Row(long id, String trackingCode, String title, PetitionStatus status, OffsetDateTime submittedAt, String unitName) {
    }

    /** A petition as {@code actor} may see it: without personal data or files unless {@code personal}. */
    public record Detail(long id, String trackingCode, String language, String name, String email, String phone, String address,
                         @Nullable String suggestedUnit, String title, String body, PetitionStatus status, OffsetDateTime submittedAt,
                         @Nullable Long unitId, @Nullable String unitName, String answer, List<File> files, boolean personal, boolean desk,
                         boolean unitStaff) {
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
        return db.flux(tenant, c -> c.query("""
                        SELECT p.id, p.tracking_code, p.title, p.status, p.submitted_at, coalesce(u.name, '') FROM petitions p
                        LEFT JOIN org_units u ON u.id = p.unit_id WHERE p.status <> 'unconfirmed' AND ($1 OR""" + " " + UNIT_STAFF + """
                        ) ORDER BY p.status IN ('received', 'forwarded', 'answered') DESC, p.received_at DESC NULLS LAST, p.id DESC LIMIT 500""",
                r -> new Row(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), PetitionStatus.of(r.get(3, String.class)),
                        r.get(4, OffsetDateTime.class), r.get(5, String.class)), QuestionDesk.isDesk(actor), actor.id())).collectList();
    }

    public Mono<Optional<Detail>> detail(Tenant tenant, long id, Actor actor) {
        boolean desk = QuestionDesk.isDesk(actor);
        return db.mono(tenant, c -> c.query("""
                        SELECT p.id, p.tracking_code, p.language, p.sender_name, p.sender_email, p.sender_phone, p.sender_address, s.name AS suggested,
                               p.title, p.body, p.status, p.submitted_at, p.unit_id, u.name AS unit_name, p.answer_text,""" + " " + UNIT_STAFF + """
                         AS unit_staff FROM petitions p LEFT JOIN org_units u ON u.id = p.unit_id LEFT JOIN org_units s ON s.id = p.suggested_unit_id
                        WHERE p.id = $1 AND p.status <> 'unconfirmed'""", r -> new Object[] {r.get("id", Long.class), r.get("tracking_code", String.class), r.get("language", String.class),
                        r.get("sender_name", String.class), r.get("sender_email", String.class), r.get("sender_phone", String.class),
                        r.get("sender_address", String.class), r.get("suggested", String.class), r.get("title", String.class), r.get("body", String.class),
                        PetitionStatus.of(r.get("status", String.class)), r.get("submitted_at", OffsetDateTime.class), r.get("unit_id", Long.class),
                        r.get("unit_name", String.class), r.get("answer_text", String.class), Boolean.TRUE.equals(r.get("unit_staff", Boolean.class))}, id, actor.id())
                .next()
                .flatMap(row -> files(c, id).collectList().map(files -> {
                    boolean unitStaff = (Boolean) row[15];
                    boolean personal = desk || unitStaff;
                    return Optional.of(new Detail((Long) row[0], (String) row[1], (String) row[2], (String) row[3], personal ? (String) row[4] : "",
                            personal ? (String) row[5] : "", personal ? (String) row[6] : "", (String) row[7], (String) row[8], (String) row[9],
                            (PetitionStatus) row[10], (OffsetDateTime) row[11], (Long) row[12], (String) row[13], (String) row[14],
                            personal ? files : List.of(), personal, desk, unitStaff));
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

    /** Sends the answer to the sender by e-mail and closes the petition; with {@code publish} it also goes on the portal. */
    public Mono<Void> finish(Tenant tenant, long id, boolean publish, Actor actor) {
        if (!QuestionDesk.isDesk(actor)) {
            return Mono.error(new QuestionRefused("Chỉ bộ phận tiếp nhận được gửi kết quả và công khai phản ánh, kiến nghị.", true));
        }
        OffsetDateTime now = now();
        return changes.inTenant(tenant, (c, change) -> c.query("""
                                UPDATE petitions SET status = $2, closed_at = $3, published_at = CASE WHEN $4 THEN $3::timestamptz END, version = version + 1
                                WHERE id = $1 AND status = 'answered' RETURNING tracking_code, language, sender_email, title, answer_text""",
                        r -> new String[] {r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                                r.get(4, String.class)}, id, publish ? PetitionStatus.PUBLISHED.db() : PetitionStatus.CLOSED.db(), now, publish)
                        .next()
                        .switchIfEmpty(Mono.error(new QuestionRefused("Phản ánh chưa có trả lời của đơn vị, hoặc đã gửi kết quả.", false)))
                        .flatMap(p -> Petitions.event(c, id, actor.id(), publish ? "published" : "closed", "", now)
                                .then(p[2].isBlank() ? Mono.just(0L) : mail.enqueue(tenant, c, resultMail(tenant, p, publish ? id : null)))
                                .then(publish ? change.pagesOf(tenant) : Mono.just(0L))))
                .then();
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

    private MailMessage resultMail(Tenant tenant, String[] p, @Nullable Long publishedId) {
        boolean en = "en".equals(p[1]);
        String portal = tenant.name(en ? "en" : "vi");
        String link = publishedId == null ? "" : "\n\n" + links.tenant(tenant, Questions.prefix(p[1]) + Petitions.PUBLIC_PATH + "/" + publishedId);
        return en ? new MailMessage(List.of(p[2]), "Answer to your petition (" + p[0] + ")", """
                Your feedback or petition to %s, “%s”, has been answered:

                %s%s""".formatted(portal, p[3], p[4], link))
                : new MailMessage(List.of(p[2]), "Kết quả trả lời phản ánh, kiến nghị (" + p[0] + ")", """
                Phản ánh, kiến nghị của bạn gửi %s, «%s», đã được trả lời:

                %s%s""".formatted(portal, p[3], p[4], link));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
