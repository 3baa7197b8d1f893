package vn.cong.content;

import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

/**
 * A condition an item must meet before it goes online, checked inside the publishing transaction
 * with the item locked (e.g. a document needs its .pdf and .doc/.docx attached). Every bean of this
 * type is asked, whatever path publishes the item.
 */
public interface PublishRule {

    /** Completes empty when {@code kind} item {@code itemId} may be published; errors with {@link PublishRefused} otherwise. */
    Mono<Void> check(TenantTx c, long itemId, String kind);
}
