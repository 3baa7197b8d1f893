package vn.cong.tenancy;

import io.r2dbc.spi.R2dbcException;

/**
 * A write to a tenant that is being moved to another database cluster: its schema is frozen (read-only) from
 * the moment the move starts until the registry points at the new copy. Readers are unaffected; a write is
 * refused whole (nothing of it is kept) with a 503, a Vietnamese notice and {@code Retry-After}
 * ({@link UnavailableNotice#moving}), so that nothing is written to a copy that is being left behind.
 */
public class TenantMovingException extends TenantUnavailableException {

    /** read_only_sql_transaction: the frozen schema's transactions are read-only. */
    private static final String READ_ONLY = "25006";

    public TenantMovingException(Tenant tenant, Throwable cause) {
        super("Tenant " + tenant.code() + " is being moved to another database; writes are refused until it is done", cause);
    }

    static boolean isFrozenWrite(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof TenantUnavailableException) {
                return false;
            }
            if (e instanceof R2dbcException r && READ_ONLY.equals(r.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
