package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;

/** In-app notifications: the workflow writes one to the next actor whenever an item reaches them. */
@Singleton
public class Notifications {

    private final TenantDatabase db;

    public Notifications(TenantDatabase db) {
        this.db = db;
    }

    public record Notification(long id, @Nullable Long itemId, String message, OffsetDateTime at, boolean read) {
    }

    /**
     * A notification is new until it is read, or until its item has moved on: a workflow step (not a save of the text,
     * not a correction) came after it, so what it asked of the person is no longer theirs to do.
     */
    private static final String NEW = """
            n.read_at IS NULL AND NOT EXISTS (SELECT 1 FROM content_events e WHERE e.item_id = n.item_id AND e.at > n.created_at
                                                  AND e.action IS NOT NULL AND e.action <> 'correct')""";

    public Mono<Long> unreadCount(Tenant tenant, long accountId) {
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM notifications n WHERE n.account_id = $1 AND " + NEW,
                r -> r.get(0, Long.class), accountId));
    }

    public Mono<List<Notification>> latest(Tenant tenant, long accountId) {
        return db.flux(tenant, c -> c.query("""
                        SELECT n.id, n.item_id, n.message, n.created_at, NOT (""" + NEW + """
                        ) FROM notifications n
                        WHERE n.account_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT 100""",
                r -> new Notification(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                        r.get(3, OffsetDateTime.class), Boolean.TRUE.equals(r.get(4, Boolean.class))), accountId)).collectList();
    }

    public Mono<Long> markAllRead(Tenant tenant, long accountId) {
        return db.mono(tenant, c -> c.update("UPDATE notifications SET read_at = now() WHERE account_id = $1 AND read_at IS NULL", accountId));
    }
}
