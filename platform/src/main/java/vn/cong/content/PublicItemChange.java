package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PublicChange;
import vn.cong.tenancy.Tenant;

/**
 * A change to what an item shows that is not a save of the item itself (its attachments): when the
 * item is public, it is fingerprinted afresh with an event that says what changed, and the tenant's
 * content version moves, all in the caller's transaction. Without this the integrity check would
 * rightly report the item as changed outside the workflow.
 */
public final class PublicItemChange {

    private PublicItemChange() {
    }

    /** Emits true when the item is public and was fingerprinted again, its tenant's pages marked changed. */
    public static Mono<Boolean> record(TenantTx c, PublicChange change, Tenant tenant, long itemId, @Nullable Long actorId, String what) {
        return c.one("SELECT 1 FROM content_items WHERE id = $1 AND state = 'published'", r -> 1, itemId)
                .flatMap(isPublic -> PublishedFingerprint.record(c, itemId)
                        .flatMap(fingerprint -> ContentEvents.append(c, itemId, actorId, "published", "published", what, fingerprint))
                        .then(change.pagesOf(tenant))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }
}
