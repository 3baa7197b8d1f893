package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

/**
 * Appends to the workflow's event log. The log is a hash chain: the database's insert trigger links
 * each event to the one before it (see the tenant migration V40), so nothing here computes hashes.
 */
final class ContentEvents {

    private ContentEvents() {
    }

    /** @param contentHash the item's published fingerprint when the event (re)publishes it, else null */
    static Mono<Long> append(Connection c, long itemId, @Nullable Long actorId, @Nullable String from, String to,
                             @Nullable String comment, @Nullable String contentHash) {
        return Sql.update(c, """
                        INSERT INTO content_events (item_id, actor_id, from_state, to_state, comment, content_hash)
                        VALUES ($1, $2, $3, $4, $5, $6)""",
                itemId, Sql.orNull(actorId, Long.class), Sql.orNull(from, String.class), to,
                Sql.orNull(comment, String.class), Sql.orNull(contentHash, String.class));
    }
}
