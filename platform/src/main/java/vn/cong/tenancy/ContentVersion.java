package vn.cong.tenancy;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

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

    static Mono<Long> bump(Connection c, String code) {
        return Sql.update(c, "UPDATE platform.tenants SET content_version = content_version + 1 WHERE code = $1", code);
    }

    /** The tenant and its parent, whose home page and directory list it. */
    static Mono<Long> bumpWithParent(Connection c, String code) {
        return Sql.update(c, """
                UPDATE platform.tenants SET content_version = content_version + 1
                WHERE code = $1 OR code = (SELECT parent_code FROM platform.tenants WHERE code = $1)""", code);
    }

    /** Every tenant when {@code all}, else those named; emits the codes moved. */
    static Mono<List<String>> bump(Connection c, boolean all, Collection<String> codes) {
        return Sql.query(c, "UPDATE platform.tenants SET content_version = content_version + 1 WHERE $1 OR code = ANY ($2) RETURNING code",
                r -> r.get(0, String.class), all, codes.toArray(String[]::new)).collectList();
    }
}
