package vn.cong.content;

import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

import java.util.Map;

/**
 * The fields only one kind of item has (a document's number, a consultation's window, …), kept in
 * a side table and saved in the same transaction as the item itself.
 */
public interface KindDetails {

    /** Articles have none. */
    KindDetails NONE = new KindDetails() {
        @Override
        public Map<String, String> problems() {
            return Map.of();
        }

        @Override
        public Mono<Void> save(TenantTx c, long itemId) {
            return Mono.empty();
        }
    };

    /** Field → Vietnamese message for what is wrong with the fields themselves; shown with the item's own problems. */
    Map<String, String> problems();

    /**
     * Writes the side table row of item {@code itemId} on the item's transaction; may fail with
     * {@link DraftRejected} when a reference the fields make does not hold.
     */
    Mono<Void> save(TenantTx c, long itemId);
}
