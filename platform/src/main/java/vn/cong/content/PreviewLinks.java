package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.system.Sha256;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Time-limited links through which someone without an account (a leader whose opinion is asked, 000 Đ10.2e) sees an
 * item as readers will. A link is 32 random bytes; only their SHA-256 is kept, looked up in the schema of the host's
 * tenant only. It stops working when it expires or is revoked; creating and revoking are audited.
 */
@Singleton
public class PreviewLinks {

    /** The longest a link may stay valid. */
    public static final int MAX_DAYS = 14;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final TenantDatabase db;
    private final AuditLog audit;
    private final Clock clock;

    PreviewLinks(TenantDatabase db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** A link as its secret is handed out once, right after it is made. */
    public record Issued(long id, String token, OffsetDateTime expiresAt) {
    }

    /** A link of an item as the staff list shows it (never its secret). */
    public record Line(long id, String note, @Nullable String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       boolean active) {
    }

    /** Makes a link to item {@code itemId} valid for {@code days} (1 to {@value #MAX_DAYS}); empty when there is no such item. */
    public Mono<Issued> create(Tenant tenant, long itemId, int days, @Nullable String note, long actorId) {
        if (days < 1 || days > MAX_DAYS) {
            return Mono.error(new DraftRejected(Map.of("days", "Thời hạn của liên kết từ 1 đến " + MAX_DAYS + " ngày.")));
        }
        String clean = RichText.plain(note);
        if (clean.length() > 200) {
            return Mono.error(new DraftRejected(Map.of("note", "Ghi chú dài quá 200 ký tự.")));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        OffsetDateTime expires = now.plus(Duration.ofDays(days));
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO preview_links (item_id, token_hash, note, created_by, created_at, expires_at)
                        SELECT id, $2, $3, $4, $5, $6 FROM content_items WHERE id = $1 RETURNING id""",
                        r -> r.get(0, Long.class), itemId, Sha256.hex(token), clean, actorId, now, expires)
                .flatMap(id -> audit.record(c, actorId, "preview_link.created", Map.of("item", itemId, "link", id, "days", days))
                        .thenReturn(new Issued(id, token, expires))));
    }

    /** The item a link shows, while it is valid; empty for an unknown, expired or revoked link. */
    public Mono<Optional<Long>> item(Tenant tenant, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Mono.just(Optional.empty());
        }
        return db.mono(tenant, c -> c.one("SELECT item_id FROM preview_links WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2",
                        r -> r.get(0, Long.class), Sha256.hex(token), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))))
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    public Mono<List<Line>> of(Tenant tenant, long itemId) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        return db.flux(tenant, c -> c.query("""
                        SELECT l.id, l.note, a.full_name, l.created_at, l.expires_at, (l.revoked_at IS NULL AND l.expires_at > $2) AS active
                        FROM preview_links l LEFT JOIN accounts a ON a.id = l.created_by
                        WHERE l.item_id = $1 ORDER BY l.created_at DESC, l.id DESC""",
                r -> new Line(r.get("id", Long.class), r.get("note", String.class), r.get("full_name", String.class),
                        r.get("created_at", OffsetDateTime.class), r.get("expires_at", OffsetDateTime.class),
                        Boolean.TRUE.equals(r.get("active", Boolean.class))), itemId, now)).collectList();
    }

    /** Stops a link of the item at once; false when there is no such link of this item. */
    public Mono<Boolean> revoke(Tenant tenant, long itemId, long linkId, long actorId) {
        return db.mono(tenant, c -> c.update("""
                        UPDATE preview_links SET revoked_at = $3, revoked_by = $4 WHERE id = $1 AND item_id = $2 AND revoked_at IS NULL""",
                        linkId, itemId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), actorId)
                .flatMap(n -> n == 0 ? Mono.just(false)
                        : audit.record(c, actorId, "preview_link.revoked", Map.of("item", itemId, "link", linkId)).thenReturn(true)));
    }
}
