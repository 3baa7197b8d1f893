package vn.cong.content;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;

/**
 * The tenant's content version is part of every cached public page's key: whoever changes what the
 * public sees moves it, in the same transaction as the change, so every node shows fresh pages.
 */
public final class ContentVersion {

    private ContentVersion() {
    }

    public static Mono<Long> bump(Connection c, Tenant tenant) {
        return Sql.update(c, "UPDATE platform.tenants SET content_version = content_version + 1 WHERE code = $1", tenant.code());
    }
}
