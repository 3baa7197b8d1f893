package vn.cong.tenancy;

import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;

/**
 * A tenant's content version is part of every cached public page's key: moving it makes every node
 * render the tenant's pages afresh. The only writes of {@code platform.tenants.content_version};
 * only {@link PublicChange} calls them, in the transaction of the change they announce.
 */
final class ContentVersion {

    private ContentVersion() {
    }

    /**
     * The tenant, and its root when the tenant shows its news in the root's "news from the units" block
     * ({@link MinistryFederation}): the root's cached home then follows the member's publications on every node.
     */
    static Mono<Long> bump(Transaction c, String code) {
        return c.update("""
                UPDATE platform.tenants SET content_version = content_version + 1
                WHERE code = $1 OR code = (SELECT t.parent_code FROM platform.tenants t
                                           JOIN platform.ministry_federation f ON f.tenant_code = t.code AND f.in_ministry_news
                                           WHERE t.code = $1)""", code);
    }

    /** The tenant and its parent, whose home page and directory list it. */
    static Mono<Long> bumpWithParent(Transaction c, String code) {
        return c.update("""
                UPDATE platform.tenants SET content_version = content_version + 1
                WHERE code = $1 OR code = (SELECT parent_code FROM platform.tenants WHERE code = $1)""", code);
    }

    /** Every tenant when {@code all}, else those named; emits the codes moved. */
    static Mono<List<String>> bump(Transaction c, boolean all, Collection<String> codes) {
        return c.query("UPDATE platform.tenants SET content_version = content_version + 1 WHERE $1 OR code = ANY ($2) RETURNING code",
                r -> r.get(0, String.class), all, codes.toArray(String[]::new)).collectList();
    }
}
