package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.content.consultations.Consultations;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen's side of comments on drafts for public consultation (góp ý dự thảo) [000 Đ10.1đ; 001 Đ11.3c; 003 Đ11.6]:
 * a comment is taken only while the draft's window is open, {@code [opens, closes)} by the injected clock, whatever
 * page the form was posted from; it goes through {@link FormProtection}, waits for its e-mail address to be confirmed
 * when the tenant says so, then for moderation. What the draft's page shows: the approved comments when the tenant
 * publishes them, and the drafting unit's response once published. The author's e-mail address is never shown.
 */
@Singleton
public class Comments {

    private final TenantDatabase db;
    private final Consultations consultations;
    private final FormProtection protection;
    private final PublicFormSettings settings;
    private final EmailConfirmations confirmations;
    private final vn.cong.tenancy.outbox.MailOutbox mail;
    private final PublicLinks links;
    private final Clock clock;

    public Comments(TenantDatabase db, Consultations consultations, FormProtection protection, PublicFormSettings settings,
                    EmailConfirmations confirmations, vn.cong.tenancy.outbox.MailOutbox mail, PublicLinks links, Clock clock) {
        this.db = db;
        this.consultations = consultations;
        this.protection = protection;
        this.settings = settings;
        this.confirmations = confirmations;
        this.mail = mail;
        this.links = links;
        this.clock = clock;
    }

    /** What posting a comment came to. */
    public sealed interface Commented {
        /** Taken; {@code confirm} when a link was sent to confirm the address before moderation. */
        record Taken(boolean confirm) implements Commented {
        }

        /** The draft's window is not open now: before it ({@code UPCOMING}) or after it ({@code CLOSED}). */
        record Closed(ConsultationPhase phase) implements Commented {
        }

        record Invalid(Map<String, String> problems) implements Commented {
        }

        record Refused(FormProtection.Refusal refusal) implements Commented {
        }

        /** No published draft at this address. */
        record NoSuchDraft() implements Commented {
        }
    }

    /** A published draft as the comment pages need it: its title, address and where its window stands now. */
    public record Draft(long id, String title, String slug, ConsultationPhase phase, OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    public Mono<Optional<Draft>> draft(Tenant tenant, String lang, String slug) {
        return consultations.detail(tenant, lang, slug).map(found -> found.map(d -> {
            Consultations.Consultation c = d.consultation();
            return new Draft(c.id(), c.title(), c.slug(), ConsultationPhase.at(clock.instant(), c.fields().opensAt(), c.fields().closesAt()),
                    c.fields().opensAt(), c.fields().closesAt());
        }));
    }

    /** Takes a comment on the draft at {@code slug} from the public form; refused outside the window. */
    public Mono<Commented> comment(Tenant tenant, String lang, String slug, CommentForm form, String address) {
        return draft(tenant, lang, slug).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(new Commented.NoSuchDraft());
            }
            Draft draft = found.get();
            if (draft.phase() != ConsultationPhase.OPEN) {
                return Mono.just(new Commented.Closed(draft.phase()));
            }
            Map<String, String> problems = form.problems(lang);
            if (!problems.isEmpty()) {
                return Mono.just(new Commented.Invalid(problems));
            }
            return protection.admit(tenant, "comment", address, PublicText.line(form.email()), form.website())
                    .flatMap(refusal -> refusal.isPresent() ? Mono.just(new Commented.Refused(refusal.get()))
                            : settings.of(tenant).flatMap(s -> store(tenant, lang, draft, form, s.confirmComments())));
        });
    }

    private Mono<Commented> store(Tenant tenant, String lang, Draft draft, CommentForm form, boolean confirm) {
        EmailConfirmations.Issued link = confirmations.issue();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String email = PublicText.line(form.email());
        return db.mono(tenant, c -> c.update("""
                        INSERT INTO consultation_comments (item_id, language, author_name, author_email, organisation, body, consented_at,
                            status, confirm_hash, confirm_expires_at, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7)""",
                        draft.id(), lang, PublicText.line(form.name()), email, PublicText.line(form.organisation()), PublicText.text(form.body()),
                        now, confirm ? CommentStatus.UNCONFIRMED.db() : CommentStatus.PENDING.db(),
                        vn.cong.system.Sql.orNull(confirm ? link.hash() : null, String.class),
                        vn.cong.system.Sql.orNull(confirm ? link.expiresAt().atOffset(ZoneOffset.UTC) : null, OffsetDateTime.class))
                .then(confirm ? mail.enqueue(tenant, c, confirmationMail(tenant, lang, email, draft, link.token())) : Mono.just(0L))
                .thenReturn((Commented) new Commented.Taken(confirm)));
    }

    /** The public address of a draft's page (the consultation kind's {@code publicPath}). */
    public static String draftPath(String lang, String slug) {
        return Questions.prefix(lang) + "/du-thao/" + slug;
    }

    /** The public address of the comment form of a draft. */
    public static String formPath(String lang, String slug) {
        return draftPath(lang, slug) + "/gop-y";
    }

    private MailMessage confirmationMail(Tenant tenant, String lang, String to, Draft draft, String token) {
        String link = links.tenant(tenant, formPath(lang, draft.slug()) + "/xac-nhan/" + token);
        String portal = tenant.name("en".equals(lang) ? "en" : "vi");
        if ("en".equals(lang)) {
            return new MailMessage(List.of(to), "Please confirm your comment to " + portal, """
                    You sent a comment on the draft “%s” to %s.

                    Please confirm your e-mail address within 24 hours by opening this link; the comment is considered only then:
                    %s

                    If you did not send it, ignore this message and nothing more will happen.""".formatted(draft.title(), portal, link));
        }
        return new MailMessage(List.of(to), "Xác nhận góp ý gửi " + portal, """
                Bạn đã gửi góp ý cho dự thảo «%s» tới %s.

                Xin xác nhận địa chỉ thư điện tử trong vòng 24 giờ bằng cách mở đường dẫn dưới đây; góp ý chỉ được xem xét sau khi xác nhận:
                %s

                Nếu bạn không gửi góp ý này, xin bỏ qua thư; sẽ không có gì xảy ra thêm.""".formatted(draft.title(), portal, link));
    }

    /**
     * A comment the desk takes in by another channel (a letter, a meeting; the demo) at {@code submittedAt}: waiting for
     * moderation at once, with no e-mail address. Returns its id.
     */
    public Mono<Long> takeIn(Tenant tenant, long itemId, String name, String organisation, String body, OffsetDateTime submittedAt) {
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO consultation_comments (item_id, author_name, author_email, organisation, body, consented_at, status, submitted_at)
                        VALUES ($1, $2, '', $3, $4, $5, 'pending', $5) RETURNING id""", r -> r.get(0, Long.class),
                itemId, PublicText.line(name), PublicText.line(organisation), PublicText.text(body), submittedAt));
    }

    /** Whether the tenant has any comment at all. */
    public Mono<Boolean> any(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT count(*) > 0 FROM consultation_comments", r -> Boolean.TRUE.equals(r.get(0, Boolean.class))));
    }

    /** Whether a confirmation link names a comment still waiting for it (for the page that asks to press the button). */
    public Mono<Boolean> waiting(Tenant tenant, String token) {
        return db.mono(tenant, c -> c.one("SELECT count(*) > 0 FROM consultation_comments WHERE confirm_hash = $1 AND status = 'unconfirmed'",
                r -> Boolean.TRUE.equals(r.get(0, Boolean.class)), EmailConfirmations.hash(token)));
    }

    /** Confirms the address a link was sent to: the comment waits for moderation. */
    public Mono<Questions.Confirmed> confirm(Tenant tenant, String token) {
        return db.mono(tenant, c -> c.query("SELECT id, status, confirm_expires_at FROM consultation_comments WHERE confirm_hash = $1",
                        r -> new Object[] {r.get(0, Long.class), r.get(1, String.class), r.get(2, OffsetDateTime.class)}, EmailConfirmations.hash(token))
                .next()
                .flatMap(row -> {
                    if (!CommentStatus.UNCONFIRMED.db().equals(row[1])) {
                        return Mono.just(Questions.Confirmed.ALREADY);
                    }
                    if (!confirmations.stillValid(((OffsetDateTime) row[2]).toInstant())) {
                        return Mono.just(Questions.Confirmed.EXPIRED);
                    }
                    return c.update("UPDATE consultation_comments SET status = 'pending' WHERE id = $1 AND status = 'unconfirmed'", row[0])
                            .map(n -> n == 0 ? Questions.Confirmed.ALREADY : Questions.Confirmed.CONFIRMED);
                })
                .defaultIfEmpty(Questions.Confirmed.UNKNOWN));
    }

    /** An approved comment as the public reads it: no e-mail address. */
    public record Shown(String name, String organisation, String body, OffsetDateTime submittedAt) {
    }

    /** The drafting unit's published response. */
    public record Response(@Nullable String unitName, String text, OffsetDateTime publishedAt) {
    }

    /** What a draft's page shows of its comments: how many were taken, the approved ones (when published), the response. */
    public record OnPage(long taken, boolean shown, List<Shown> approved, @Nullable Response response) {
    }

    public Mono<OnPage> onPage(Tenant tenant, long itemId) {
        return settings.of(tenant).flatMap(s -> db.mono(tenant, c -> c.one("""
                        SELECT count(*) FROM consultation_comments WHERE item_id = $1 AND status IN ('pending', 'approved', 'hidden')""",
                        r -> r.get(0, Long.class), itemId)
                .flatMap(taken -> (s.showApprovedComments() ? c.query("""
                        SELECT author_name, organisation, body, submitted_at FROM consultation_comments WHERE item_id = $1 AND status = 'approved'
                        ORDER BY submitted_at, id""", r -> new Shown(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, OffsetDateTime.class)), itemId).collectList() : Mono.just(List.<Shown>of()))
                        .flatMap(approved -> c.query("""
                                SELECT u.name, k.response_text, k.response_published_at FROM consultations k
                                LEFT JOIN org_units u ON u.id = k.response_unit_id WHERE k.item_id = $1 AND k.response_published_at IS NOT NULL""",
                                r -> new Response(r.get(0, String.class), r.get(1, String.class), r.get(2, OffsetDateTime.class)), itemId)
                                .collectList()
                                .map(response -> new OnPage(taken, s.showApprovedComments(), approved, response.isEmpty() ? null : response.get(0)))))));
    }
}
