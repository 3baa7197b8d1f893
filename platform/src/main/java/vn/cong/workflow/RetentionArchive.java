package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the staff archive shows [001 Đ13]: items no longer online (archived after their period, or taken
 * down) with the last decision on them, and every takedown that cut a retention period short.
 */
@Singleton
public class RetentionArchive {

    private final TenantDatabase db;

    RetentionArchive(TenantDatabase db) {
        this.db = db;
    }

    /** An item off the public site: its state, when and by whom, and why (the event's comment). */
    public record Offline(long id, String title, String kind, String state, @Nullable OffsetDateTime publishedAt,
                          OffsetDateTime at, String by, String why) {

        public String stateLabel() {
            return ItemState.labelOf(state);
        }
    }

    /** A takedown inside the retention period: the head who decided, the legal basis, the period cut short. */
    public record Override(long itemId, String title, String decidedBy, String legalBasis, @Nullable LocalDate retainedUntil,
                           OffsetDateTime decidedAt) {

        public String until() {
            return retainedUntil == null ? "Còn hiệu lực (đăng liên tục)" : Retention.day(retainedUntil);
        }
    }

    /** A published item by its external id (an imported one): its id and version, for a step on it. */
    public record Published(long id, int version) {
    }

    public Mono<Published> publishedByExternalId(Tenant tenant, String externalId) {
        return db.mono(tenant, c -> c.one("SELECT id, version FROM content_items WHERE external_id = $1 AND state = 'published'",
                r -> new Published(r.get(0, Long.class), r.get(1, Integer.class)), externalId));
    }

    public Mono<List<Offline>> offline(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                SELECT i.id, i.title, i.kind, i.state, i.published_at, coalesce(e.at, i.updated_at) AS at, coalesce(a.full_name, '') AS actor, coalesce(e.comment, '') AS why
                FROM content_items i
                LEFT JOIN LATERAL (SELECT at, actor_id, comment FROM content_events
                                   WHERE item_id = i.id AND to_state = i.state ORDER BY id DESC LIMIT 1) e ON true
                LEFT JOIN accounts a ON a.id = e.actor_id
                WHERE i.state IN ('archived', 'taken_down') ORDER BY coalesce(e.at, i.updated_at) DESC LIMIT 500""",
                r -> new Offline(r.get("id", Long.class), r.get("title", String.class), r.get("kind", String.class), r.get("state", String.class),
                        r.get("published_at", OffsetDateTime.class), r.get("at", OffsetDateTime.class), r.get("actor", String.class),
                        r.get("why", String.class)))).collectList();
    }

    public Mono<List<Override>> overrides(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                SELECT o.item_id, i.title, a.full_name, o.legal_basis, o.retained_until, o.decided_at
                FROM retention_overrides o JOIN content_items i ON i.id = o.item_id JOIN accounts a ON a.id = o.decided_by
                ORDER BY o.decided_at DESC, o.id DESC""",
                r -> new Override(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, LocalDate.class), r.get(5, OffsetDateTime.class)))).collectList();
    }
}
