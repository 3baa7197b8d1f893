package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.workflow.Actor;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The staff side of comments on drafts: the editors and the desk approve a comment or hide it with a reason, and,
 * once the window has closed, enter and publish the drafting unit's response. Approving, hiding and publishing
 * change the draft's public page, so they go through {@link PublicChanges}. The authors' e-mail addresses are shown
 * only to the receiving desk (staff holding {@link Role#QA_DESK}), never to the tenant admin as such (001 Đ2.6).
 */
@Singleton
public class CommentModeration {

    private static final Set<Role> MODERATORS = Set.of(Role.QA_DESK, Role.EDITOR, Role.APPROVER, Role.DEPUTY_HEAD, Role.HEAD);

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final PublicFormSettings settings;
    private final Clock clock;

    public CommentModeration(TenantDatabase db, PublicChanges changes, PublicFormSettings settings, Clock clock) {
        this.db = db;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Tells the desk, in one notification per draft, of the confirmed comments that arrived since it was last told (in
     * app, and by e-mail through the outbox like every notification). The desk is the staff holding {@link Role#QA_DESK};
     * a tenant without one hears through its editors, who moderate then. The number of comments told of.
     */
    public Mono<Long> notifyDesk(Tenant tenant) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return db.mono(tenant, c -> c.query("""
                        SELECT m.item_id, i.title, count(*) FROM consultation_comments m JOIN content_items i ON i.id = m.item_id
                        WHERE m.desk_notified_at IS NULL AND m.status = 'pending' GROUP BY m.item_id, i.title ORDER BY m.item_id""",
                        r -> new Object[] {r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class)})
                .collectList()
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(row -> c.update("""
                                INSERT INTO notifications (account_id, message)
                                SELECT a.id, $1 FROM accounts a WHERE a.status = 'active' AND CASE
                                    WHEN EXISTS (SELECT 1 FROM accounts d WHERE d.status = 'active' AND $2 = ANY (d.roles)) THEN $2 = ANY (a.roles)
                                    ELSE $3 = ANY (a.roles) END""",
                                row[2] + " góp ý mới chờ kiểm duyệt trên dự thảo: «" + row[1] + "»", Role.QA_DESK.db(), Role.EDITOR.db())
                        .then(c.update("""
                                UPDATE consultation_comments SET desk_notified_at = $2
                                WHERE item_id = $1 AND desk_notified_at IS NULL AND status = 'pending'""", row[0], now)))
                .reduce(0L, Long::sum));
    }

    /** Anonymises the comments on drafts whose window closed longer ago than the tenant keeps personal data (24 months by default). */
    public Mono<Long> anonymiseExpired(Tenant tenant) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return settings.of(tenant).flatMap(s -> db.mono(tenant, c -> Anonymiser.eraseCommentsClosedBefore(c, s.anonymiseAfterMonths(), now)));
    }

    public static boolean mayModerate(Actor actor) {
        return actor.roles().stream().anyMatch(MODERATORS::contains);
    }

    /** A draft with its comments counted, for the staff list. */
    public record DraftRow(long id, String title, String language, String slug, ConsultationPhase phase, OffsetDateTime opensAt,
                           OffsetDateTime closesAt, long pending, long approved, long hidden, boolean responsePublished) {
    }

    /** A comment as staff see it; {@code email} is empty for staff outside the desk. */
    public record Comment(long id, String name, String email, String organisation, String body, CommentStatus status, String hiddenReason,
                          OffsetDateTime submittedAt, String language) {
    }

    /** A draft, its comments and its response, for the moderation screen. */
    public record Detail(DraftRow draft, List<Comment> comments, @Nullable Long responseUnitId, String responseText,
                         @Nullable OffsetDateTime responsePublishedAt, boolean desk) {
    }

    private static final String DRAFTS = """
            SELECT i.id, i.title, i.language, i.slug, k.opens_at, k.closes_at, k.response_published_at,
                   count(*) FILTER (WHERE m.status = 'pending') AS pending, count(*) FILTER (WHERE m.status = 'approved') AS approved,
                   count(*) FILTER (WHERE m.status = 'hidden') AS hidden
            FROM content_items i JOIN consultations k ON k.item_id = i.id LEFT JOIN consultation_comments m ON m.item_id = i.id
            WHERE i.kind = 'consultation'""";
    private static final String GROUP = " GROUP BY i.id, i.title, i.language, i.slug, k.opens_at, k.closes_at, k.response_published_at";

    public Mono<List<DraftRow>> drafts(Tenant tenant) {
        return db.flux(tenant, c -> c.query(DRAFTS + GROUP + " ORDER BY k.closes_at DESC, i.id DESC LIMIT 500", this::draftRow)).collectList();
    }

    public Mono<Optional<Detail>> detail(Tenant tenant, long itemId, Actor actor) {
        boolean desk = actor.roles().contains(Role.QA_DESK);
        return db.mono(tenant, c -> c.query(DRAFTS + " AND i.id = $1" + GROUP, this::draftRow, itemId).next()
                .flatMap(draft -> c.query("""
                                SELECT id, author_name, author_email, organisation, body, status, hidden_reason, submitted_at, language
                                FROM consultation_comments WHERE item_id = $1 AND status <> 'unconfirmed' ORDER BY submitted_at, id""",
                        r -> new Comment(r.get(0, Long.class), r.get(1, String.class), desk ? r.get(2, String.class) : "", r.get(3, String.class),
                                r.get(4, String.class), CommentStatus.of(r.get(5, String.class)), r.get(6, String.class),
                                r.get(7, OffsetDateTime.class), r.get(8, String.class)), itemId).collectList()
                        .flatMap(comments -> c.one("SELECT response_unit_id, response_text, response_published_at FROM consultations WHERE item_id = $1",
                                r -> new Detail(draft, comments, r.get(0, Long.class), r.get(1, String.class), r.get(2, OffsetDateTime.class), desk),
                                itemId)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty()));
    }

    /** Approves a comment waiting for moderation or hidden earlier: it is shown when the tenant publishes comments. */
    public Mono<Void> approve(Tenant tenant, long commentId, Actor actor) {
        return moderate(tenant, commentId, actor, CommentStatus.APPROVED, "");
    }

    /** Hides a comment from the public, with the reason kept (a hidden comment still counts in the summary). */
    public Mono<Void> hide(Tenant tenant, long commentId, String reason, Actor actor) {
        String why = PublicText.line(reason);
        if (why.isEmpty()) {
            return Mono.error(new CommentRefused("Xin ghi lý do ẩn góp ý.", false));
        }
        return moderate(tenant, commentId, actor, CommentStatus.HIDDEN, why.length() > 500 ? why.substring(0, 500) : why);
    }

    private Mono<Void> moderate(Tenant tenant, long commentId, Actor actor, CommentStatus to, String reason) {
        if (!mayModerate(actor)) {
            return Mono.error(new CommentRefused("Bạn không có quyền kiểm duyệt góp ý.", true));
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return changes.inTenant(tenant, (c, change) -> c.update("""
                        UPDATE consultation_comments SET status = $2, hidden_reason = $3, moderated_at = $4, moderated_by = $5
                        WHERE id = $1 AND status IN ('pending', 'approved', 'hidden')""", commentId, to.db(), reason, now, actor.id())
                .flatMap(n -> n == 0 ? Mono.error(new CommentRefused("Góp ý này không có hoặc chưa được xác nhận.", false))
                        : change.pagesOf(tenant)))
                .then();
    }

    /** The item a comment belongs to, if it is this tenant's. */
    public Mono<Optional<Long>> draftOf(Tenant tenant, long commentId) {
        return db.mono(tenant, c -> c.query("SELECT item_id FROM consultation_comments WHERE id = $1", r -> r.get(0, Long.class), commentId)
                .next().map(Optional::of).defaultIfEmpty(Optional.empty()));
    }

    /**
     * Saves the drafting unit's response and, with {@code publish}, shows it on the draft's page (only once the window
     * has closed: the response answers all the comments).
     */
    public Mono<Void> respond(Tenant tenant, long itemId, @Nullable Long unitId, String text, boolean publish, Actor actor) {
        if (!mayModerate(actor)) {
            return Mono.error(new CommentRefused("Bạn không có quyền ghi ý kiến tiếp thu, giải trình.", true));
        }
        String body = PublicText.text(text);
        if (publish && body.isEmpty()) {
            return Mono.error(new CommentRefused("Xin nhập nội dung tiếp thu, giải trình trước khi đăng.", false));
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return changes.inTenant(tenant, (c, change) -> c.one("SELECT closes_at FROM consultations WHERE item_id = $1",
                        r -> r.get(0, OffsetDateTime.class), itemId)
                .flatMap(closes -> {
                    if (now.isBefore(closes)) {
                        return Mono.error(new CommentRefused("Dự thảo còn trong thời gian lấy ý kiến: chỉ ghi tiếp thu, giải trình sau khi kết thúc.", false));
                    }
                    return c.update("""
                                    UPDATE consultations SET response_unit_id = $2, response_text = $3,
                                        response_published_at = CASE WHEN $4 THEN coalesce(response_published_at, $5) ELSE NULL END
                                    WHERE item_id = $1""", itemId, vn.cong.system.Sql.orNull(unitId, Long.class), body, publish, now)
                            .then(change.pagesOf(tenant));
                }))
                .then();
    }

    private DraftRow draftRow(io.r2dbc.spi.Readable r) {
        OffsetDateTime opens = r.get("opens_at", OffsetDateTime.class);
        OffsetDateTime closes = r.get("closes_at", OffsetDateTime.class);
        return new DraftRow(r.get("id", Long.class), r.get("title", String.class), r.get("language", String.class), r.get("slug", String.class),
                ConsultationPhase.at(clock.instant(), opens, closes), opens, closes, r.get("pending", Long.class), r.get("approved", Long.class),
                r.get("hidden", Long.class), r.get("response_published_at", OffsetDateTime.class) != null);
    }
}
