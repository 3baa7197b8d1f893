package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

/**
 * Appends to the workflow's event log. The log is a hash chain: the database's insert trigger links
 * each event to the one before it (see the tenant migrations V40 and V50), so nothing here computes
 * hashes. Callers append inside the transaction that makes the change the event records.
 */
public final class ContentEvents {

    private ContentEvents() {
    }

    /** One transition: who did what, from which state to which, with their comment and reason. */
    public record Event(long itemId, @Nullable Long actorId, @Nullable String from, String to, @Nullable String action,
                        @Nullable Integer level, @Nullable String comment, @Nullable String reasonCode,
                        @Nullable String contentHash) {
    }

    /** @param contentHash the item's published fingerprint when the event (re)publishes it, else null */
    static Mono<Long> append(TenantTx c, long itemId, @Nullable Long actorId, @Nullable String from, String to,
                             @Nullable String comment, @Nullable String contentHash) {
        return append(c, new Event(itemId, actorId, from, to, null, null, comment, null, contentHash));
    }

    public static Mono<Long> append(TenantTx c, Event e) {
        return c.update("""
                        INSERT INTO content_events (item_id, actor_id, from_state, to_state, action, level, comment, reason_code, content_hash)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
                e.itemId(), Sql.orNull(e.actorId(), Long.class), Sql.orNull(e.from(), String.class), e.to(),
                Sql.orNull(e.action(), String.class), Sql.orNull(e.level(), Integer.class),
                Sql.orNull(e.comment(), String.class), Sql.orNull(e.reasonCode(), String.class),
                Sql.orNull(e.contentHash(), String.class));
    }
}
