package vn.cong.content;

import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

/**
 * Stores what a published item looked like when the workflow published it: a SHA-256 fingerprint of
 * its public fields and a snapshot of them, so the daily integrity check can tell an edit made
 * outside the workflow, and what it changed. The fields and the hash are defined once, in SQL
 * ({@code content_public_fields}, {@code content_fingerprint}); this only asks for them, in the
 * transaction that publishes.
 */
public final class PublishedFingerprint {

    private PublishedFingerprint() {
    }

    /** Fingerprints the item as it is now in this transaction; emits the fingerprint. */
    public static Mono<String> record(TenantTx c, long itemId) {
        return c.one("""
                UPDATE content_items i SET published_snapshot = content_public_fields(i),
                    published_hash = content_fingerprint(content_public_fields(i)), fingerprinted_at = now()
                WHERE id = $1 RETURNING published_hash""", r -> r.get(0, String.class), itemId);
    }
}
