package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.media.MediaFile;
import vn.cong.media.MediaStore;
import vn.cong.media.UploadRefused;
import vn.cong.system.Sql;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.outbox.MailOutbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The citizen's side of feedback and petitions (phản ánh, kiến nghị) [000 Đ3.2c; 001 Đ3.1; 003 Đ2.2, 11.3]: sending one
 * with up to {@value PetitionForm#FILES_MAX} files (checked like every upload by {@link MediaStore}) through
 * {@link FormProtection}; it waits for its e-mail address to be confirmed, then enters the desk's queue. The status page
 * by tracking code, withdrawal (and erasure of the personal data and files on request, Decree 13/2023), and the
 * petitions the desk chose to publish, without personal data.
 */
@Singleton
public class Petitions {

    public static final String PUBLIC_PATH = "/phan-anh";

    private final TenantDatabase db;
    private final FormProtection protection;
    private final EmailConfirmations confirmations;
    private final TrackingCodes codes;
    private final MediaStore media;
    private final MailOutbox mail;
    private final PublicLinks links;
    private final QuestionNotices notices;
    private final Scheduler blocking;
    private final Clock clock;

    public Petitions(TenantDatabase db, FormProtection protection, EmailConfirmations confirmations, TrackingCodes codes, MediaStore media,
                     MailOutbox mail, PublicLinks links, QuestionNotices notices,
                     @Named(io.micronaut.scheduling.TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock) {
        this.db = db;
        this.protection = protection;
        this.confirmations = confirmations;
        this.codes = codes;
        this.media = media;
        this.mail = mail;
        this.links = links;
        this.notices = notices;
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.clock = clock;
    }

    /** A file sent with the form: its name as the browser gave it and its bytes. */
    public record Upload(String name, byte[] bytes) {
    }

    /** Takes a petition from the public form; it waits for its e-mail address to be confirmed. */
    public Mono<Questions.Asked> send(Tenant tenant, String lang, PetitionForm form, List<Upload> files, String address) {
        boolean en = "en".equals(lang);
        Map<String, String> problems = new LinkedHashMap<>(form.problems(lang));
        if (files.size() > PetitionForm.FILES_MAX) {
            problems.put("files", en ? "Please attach at most " + PetitionForm.FILES_MAX + " files." : "Xin đính kèm tối đa " + PetitionForm.FILES_MAX + " tệp.");
        }
        Long unitId = form.unitId();
        Mono<Boolean> unitOk = unitId == null ? Mono.just(true)
                : db.mono(tenant, c -> c.one("SELECT count(*) > 0 FROM org_units WHERE id = $1", r -> Boolean.TRUE.equals(r.get(0, Boolean.class)), unitId));
        return unitOk.flatMap(ok -> {
            if (!ok) {
                problems.put("unit", en ? "Please choose a unit from the list." : "Xin chọn đơn vị trong danh sách.");
            }
            if (!problems.isEmpty()) {
                return Mono.just(new Questions.Asked.Invalid(problems));
            }
            return protection.admit(tenant, "petition", address, PublicText.line(form.email()), form.website())
                    .flatMap(refusal -> refusal.isPresent() ? Mono.just(new Questions.Asked.Refused(refusal.get()))
                            : Flux.fromIterable(files).concatMap(f -> media.storeAttachment(tenant, f.name(), f.bytes(), null)).collectList()
                                    .flatMap(stored -> store(tenant, lang, form, unitId, stored))
                                    .map(code -> (Questions.Asked) new Questions.Asked.Taken(code))
                                    .onErrorResume(UploadRefused.class, e -> Mono.just(new Questions.Asked.Invalid(Map.of("files", e.getMessage())))));
        });
    }

    private Mono<String> store(Tenant tenant, String lang, PetitionForm form, @Nullable Long unitId, List<MediaFile> files) {
        EmailConfirmations.Issued link = confirmations.issue();
        String code = codes.next("PA");
        OffsetDateTime now = now();
        String email = PublicText.line(form.email());
        String title = PublicText.line(form.title());
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO petitions (tracking_code, language, sender_name, sender_email, sender_phone, sender_address, suggested_unit_id,
                            title, body, consented_at, status, confirm_hash, confirm_expires_at, submitted_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'unconfirmed', $11, $12, $10) RETURNING id""",
                        r -> r.get(0, Long.class), code, lang, PublicText.line(form.name()), email, PublicText.line(form.phone()),
                        PublicText.line(form.address()), Sql.orNull(unitId, Long.class), title, PublicText.text(form.body()), now, link.hash(),
                        link.expiresAt().atOffset(ZoneOffset.UTC))
                .flatMap(id -> Flux.range(0, files.size()).concatMap(i -> c.update(
                                "INSERT INTO petition_files (petition_id, media_id, position) VALUES ($1, $2, $3)", id, files.get(i).id(), i + 1))
                        .then(event(c, id, null, "submitted", files.size() + " tệp", now))
                        .then(mail.enqueue(tenant, c, confirmationMail(tenant, lang, email, code, title, link.token()))))
                .thenReturn(code));
    }

    private MailMessage confirmationMail(Tenant tenant, String lang, String to, String code, String title, String token) {
        String link = links.tenant(tenant, Questions.prefix(lang) + PUBLIC_PATH + "/xac-nhan/" + token);
        String portal = tenant.name("en".equals(lang) ? "en" : "vi");
        if ("en".equals(lang)) {
            return new MailMessage(List.of(to), "Please confirm your petition to " + portal, """
                    You sent feedback or a petition to %s: “%s”.
                    Its tracking code is %s.

                    Please confirm your e-mail address within 24 hours by opening this link; it reaches the desk only then:
                    %s

                    If you did not send it, ignore this message and nothing more will happen.""".formatted(portal, title, code, link));
        }
        return new MailMessage(List.of(to), "Xác nhận phản ánh, kiến nghị gửi " + portal, """
                Bạn đã gửi phản ánh, kiến nghị tới %s: «%s».
                Mã tra cứu: %s.

                Xin xác nhận địa chỉ thư điện tử trong vòng 24 giờ bằng cách mở đường dẫn dưới đây; phản ánh, kiến nghị chỉ được chuyển tới bộ phận tiếp nhận sau khi xác nhận:
                %s

                Nếu bạn không gửi, xin bỏ qua thư; sẽ không có gì xảy ra thêm.""".formatted(portal, title, code, link));
    }

    /**
     * A petition the desk takes in by another channel (a letter, the reception desk; the demo): received at once, with no
     * e-mail address, so nothing is mailed. Returns its id.
     */
    public Mono<Long> takeIn(Tenant tenant, String title, String body, String senderName) {
        return takeIn(tenant, title, body, senderName, now());
    }

    /** As {@link #takeIn(Tenant, String, String, String)}, received at {@code now} (the demo's petitions taken in days ago). */
    public Mono<Long> takeIn(Tenant tenant, String title, String body, String senderName, OffsetDateTime now) {
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO petitions (tracking_code, sender_name, sender_email, title, body, consented_at, status, submitted_at, received_at)
                        VALUES ($1, $2, '', $3, $4, $5, 'received', $5, $5) RETURNING id""", r -> r.get(0, Long.class),
                        codes.next("PA"), PublicText.line(senderName), PublicText.line(title), PublicText.text(body), now)
                .flatMap(id -> event(c, id, null, "received", "taken in by the desk", now).thenReturn(id)));
    }

    /** Whether the tenant has any petition at all. */
    public Mono<Boolean> any(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT count(*) > 0 FROM petitions", r -> Boolean.TRUE.equals(r.get(0, Boolean.class))));
    }

    /** The tracking code a confirmation link names, while its petition still waits for it. */
    public Mono<Optional<String>> waitingCode(Tenant tenant, String token) {
        return db.flux(tenant, c -> c.query("SELECT tracking_code FROM petitions WHERE confirm_hash = $1 AND status = 'unconfirmed'",
                r -> r.get(0, String.class), EmailConfirmations.hash(token))).collectList().map(l -> l.stream().findFirst());
    }

    /** Confirms the address a link was sent to: the petition enters the desk's queue and the desk is told. */
    public Mono<Questions.Confirmed> confirm(Tenant tenant, String token) {
        return db.mono(tenant, c -> c.query("SELECT id, status, confirm_expires_at, title FROM petitions WHERE confirm_hash = $1",
                        r -> new Object[] {r.get(0, Long.class), r.get(1, String.class), r.get(2, OffsetDateTime.class), r.get(3, String.class)},
                        EmailConfirmations.hash(token))
                .next()
                .flatMap(row -> {
                    long id = (Long) row[0];
                    if (!"unconfirmed".equals(row[1])) {
                        return Mono.just(Questions.Confirmed.ALREADY);
                    }
                    if (!confirmations.stillValid(((OffsetDateTime) row[2]).toInstant())) {
                        return Mono.just(Questions.Confirmed.EXPIRED);
                    }
                    OffsetDateTime now = now();
                    return c.update("UPDATE petitions SET status = 'received', received_at = $2, version = version + 1 WHERE id = $1 AND status = 'unconfirmed'",
                                    id, now)
                            .flatMap(n -> n == 0 ? Mono.just(Questions.Confirmed.ALREADY) : event(c, id, null, "received", "", now)
                                    .then(notices.toDesk(c, "Phản ánh, kiến nghị mới cần chuyển đơn vị xử lý: «" + row[3] + "»"))
                                    .thenReturn(Questions.Confirmed.CONFIRMED));
                })
                .defaultIfEmpty(Questions.Confirmed.UNKNOWN));
    }

    /** What the sender sees by tracking code: no personal data. */
    public record StatusView(String trackingCode, String title, PetitionStatus status, OffsetDateTime submittedAt, @Nullable Long publishedId) {
    }

    public Mono<Optional<StatusView>> status(Tenant tenant, String trackingCode) {
        return db.flux(tenant, c -> c.query("SELECT tracking_code, title, status, submitted_at, id FROM petitions WHERE tracking_code = $1",
                r -> {
                    PetitionStatus s = PetitionStatus.of(r.get(2, String.class));
                    return new StatusView(r.get(0, String.class), r.get(1, String.class), s, r.get(3, OffsetDateTime.class),
                            s == PetitionStatus.PUBLISHED ? r.get(4, Long.class) : null);
                }, TrackingCodes.typed(trackingCode))).collectList().map(l -> l.stream().findFirst());
    }

    /**
     * Withdraws a petition the sender names by tracking code and e-mail; with {@code erase} the personal data and the
     * files go at once. False when no petition of theirs still open matches.
     */
    public Mono<Boolean> withdraw(Tenant tenant, String trackingCode, String email, boolean erase) {
        OffsetDateTime now = now();
        return db.mono(tenant, c -> c.one("""
                        UPDATE petitions SET status = CASE WHEN status IN ('published', 'closed') THEN status ELSE 'withdrawn' END,
                            closed_at = coalesce(closed_at, $3), version = version + 1
                        WHERE tracking_code = $1 AND lower(sender_email) = lower($2) AND status <> 'withdrawn' RETURNING id""",
                        r -> r.get(0, Long.class), TrackingCodes.typed(trackingCode), PublicText.line(email), now)
                .flatMap(id -> event(c, id, null, erase ? "withdrawn-and-erased" : "withdrawn", "", now)
                        .then(erase ? erase(c, id, now) : Mono.just(List.<String>of())))
                .map(Optional::of))
                .flatMap(stored -> deleteFiles(tenant, stored.orElse(List.of())).thenReturn(stored.isPresent()))
                .defaultIfEmpty(false);
    }

    static final String ANONYMOUS = "Người gửi (đã ẩn danh)";

    /** Removes a petition's personal data and its files' rows; the stored paths of the files to delete from disk. */
    static Mono<List<String>> erase(TenantTx c, long id, OffsetDateTime now) {
        return c.update("""
                        UPDATE petitions SET sender_name = $2, sender_email = '', sender_phone = '', sender_address = '', confirm_hash = NULL,
                            anonymised_at = $3 WHERE id = $1 AND anonymised_at IS NULL""", id, ANONYMOUS, now)
                .thenMany(c.query("""
                        WITH gone AS (DELETE FROM petition_files WHERE petition_id = $1 RETURNING media_id)
                        DELETE FROM media_files m USING gone WHERE m.id = gone.media_id RETURNING m.stored_path""", r -> r.get(0, String.class), id))
                .collectList();
    }

    Mono<Void> deleteFiles(Tenant tenant, List<String> stored) {
        return stored.isEmpty() ? Mono.empty() : Mono.fromRunnable(() -> stored.forEach(path -> {
            try {
                Files.deleteIfExists(media.folder(tenant).resolve(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete an erased petition's file for tenant " + tenant.code(), e);
            }
        })).subscribeOn(blocking).then();
    }

    /** A published petition and its answer, as the public reads it: no personal data, not even the name. */
    public record Published(long id, String title, String body, @Nullable String unitName, String answer, OffsetDateTime submittedAt,
                            OffsetDateTime publishedAt) {
    }

    private static final String PUBLISHED = """
            SELECT p.id, p.title, p.body, u.name, p.answer_text, p.submitted_at, p.published_at FROM petitions p
            LEFT JOIN org_units u ON u.id = p.unit_id WHERE p.status = 'published'""";

    public Mono<List<Published>> published(Tenant tenant, int limit, int offset) {
        return db.flux(tenant, c -> c.query(PUBLISHED + " ORDER BY p.published_at DESC, p.id DESC" + Sql.page(limit, offset), Petitions::published)).collectList();
    }

    public Mono<Optional<Published>> publishedOne(Tenant tenant, long id) {
        return db.flux(tenant, c -> c.query(PUBLISHED + " AND p.id = $1", Petitions::published, id)).collectList().map(l -> l.stream().findFirst());
    }

    private static Published published(io.r2dbc.spi.Readable r) {
        return new Published(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                r.get(5, OffsetDateTime.class), r.get(6, OffsetDateTime.class));
    }

    static Mono<Long> event(TenantTx c, long id, @Nullable Long actorId, String action, String note, OffsetDateTime at) {
        return c.update("INSERT INTO petition_events (petition_id, at, actor_id, action, note) VALUES ($1, $2, $3, $4, $5)",
                id, at, Sql.orNull(actorId, Long.class), action, note);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
