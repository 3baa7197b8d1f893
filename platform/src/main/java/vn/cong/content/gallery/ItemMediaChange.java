package vn.cong.content.gallery;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.content.PublicItemChange;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantTx;

import java.util.function.Function;

/**
 * Runs a change to an item's video or gallery; when it touched something and the item is public, fingerprints the
 * item afresh with an event saying {@code what} in the same transaction, and its pages are refreshed after commit.
 */
final class ItemMediaChange {

    private ItemMediaChange() {
    }

    static Mono<Boolean> run(PublicChanges changes, Tenant tenant, long itemId, @Nullable Long actorId, String what,
                             Function<TenantTx, Mono<Long>> change) {
        return changes.inTenant(tenant, (c, publicChange) -> change.apply(c)
                .flatMap(touched -> touched == 0 ? Mono.just(false)
                        : PublicItemChange.record(c, publicChange, tenant, itemId, actorId, what).thenReturn(true)));
    }

    /** The kind of a file of the library (not an attachment), or null when this tenant has no such file. */
    static Mono<String> contentType(TenantTx c, @Nullable Long mediaId) {
        return mediaId == null ? Mono.empty()
                : c.one("SELECT content_type FROM media_files WHERE id = $1 AND NOT attachment", r -> r.get(0, String.class), mediaId);
    }
}
