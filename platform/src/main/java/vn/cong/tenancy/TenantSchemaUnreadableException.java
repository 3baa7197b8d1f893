package vn.cong.tenancy;

import io.r2dbc.spi.R2dbcException;

import java.util.Set;

/**
 * The tenant's schema is there but the platform cannot read it: its role lost the privilege on the schema
 * or a table (a mistaken {@code REVOKE}), or a table the platform needs is gone. Readers and staff get the
 * same 503 notice as for a missing schema; nothing is marked or re-created, since the data may be intact.
 */
public class TenantSchemaUnreadableException extends TenantUnavailableException {

    /** insufficient_privilege, undefined_table, invalid_schema_name. */
    private static final Set<String> UNREADABLE = Set.of("42501", "42P01", "3F000");

    public TenantSchemaUnreadableException(Tenant tenant, Throwable cause) {
        super("Schema " + tenant.schema() + " of tenant " + tenant.code() + " cannot be read: " + cause.getMessage(), cause);
    }

    /** Whether an error from a tenant's SQL says its schema cannot be read (not that the SQL was wrong otherwise). */
    static boolean isUnreadable(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof TenantUnavailableException) {
                return false; // already named
            }
            if (e instanceof R2dbcException r && r.getSqlState() != null && UNREADABLE.contains(r.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
