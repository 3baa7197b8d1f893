package vn.cong.tenancy;

import io.r2dbc.spi.Connection;

/**
 * A transaction on the shared {@code platform} schema: no tenant schema is on its path, so its SQL names
 * the schema ({@code platform.tenants}). Per-tenant rows in platform tables are read and written through
 * {@link #forTenant}, which binds the tenant code itself.
 */
public final class PlatformTx extends Transaction {

    PlatformTx(Connection connection) {
        super(connection);
    }

    /** One tenant's rows in the per-tenant {@code platform} tables (those with a {@code tenant_code}). */
    public TenantRows forTenant(Tenant tenant) {
        return new TenantRows(this, tenant);
    }
}
