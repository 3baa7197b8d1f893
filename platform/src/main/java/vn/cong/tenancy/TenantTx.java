package vn.cong.tenancy;

import io.r2dbc.spi.Connection;

/**
 * A transaction in one tenant's schema: its connection's {@code search_path} was set once, when
 * {@link TenantDatabase} opened it, to the tenant's schema (then {@code extensions}), and holds until it
 * commits or rolls back. A method that needs a tenant's tables takes one of these, so it cannot be
 * handed a platform transaction. Platform tables are still reachable by their qualified names
 * ({@code platform.tenants}); per-tenant rows there go through {@link #platformRows()}.
 */
public final class TenantTx extends Transaction {

    private final Tenant tenant;

    TenantTx(Connection connection, Tenant tenant) {
        super(connection);
        this.tenant = tenant;
    }

    public Tenant tenant() {
        return tenant;
    }

    /** This tenant's rows in the per-tenant {@code platform} tables, in this transaction. */
    public TenantRows platformRows() {
        return new TenantRows(this, tenant);
    }
}
