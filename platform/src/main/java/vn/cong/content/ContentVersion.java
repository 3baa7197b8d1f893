package vn.cong.content;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;

/** The tenant's content version, part of every cached page's key: moving it shows a change on every node at once. */
public final class ContentVersion {

    private ContentVersion() {
    }

    /** Moves the version in the same transaction as the change it announces (then call {@code TenantRegistry.publishChange()}). */
    public static Mono<Long> bump(Connection c, Tenant tenant) {
        return Sql.update(c, "UPDATE platform.tenants SET content_version = content_version + 1 WHERE code = $1", tenant.code());
    }
}
