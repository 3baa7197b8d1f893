package vn.cong.tenancy;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** PostgreSQL cannot be reached: no connection, or the connection broke (a restart, a network fault). */
public class DatabaseUnavailableException extends TenantUnavailableException {

    public DatabaseUnavailableException(Throwable cause) {
        super("Database unavailable: " + cause.getMessage(), cause);
    }

    /**
     * Whether an error from running SQL means the database went away, not that the SQL was wrong:
     * a resource error, a lost connection (SQLSTATE class 08) or a server going down (57P).
     */
    static boolean isOutage(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof TenantUnavailableException) {
                return false; // already named
            }
            if (e instanceof R2dbcException r && "25006".equals(r.getSqlState())) {
                return false; // a write in a read-only transaction: a frozen schema (TenantMovingException), not an outage
            }
            if (e instanceof R2dbcNonTransientResourceException || e instanceof R2dbcTransientResourceException
                    || e instanceof IOException || e instanceof TimeoutException) {
                return true;
            }
            if (e instanceof R2dbcException r && r.getSqlState() != null
                    && (r.getSqlState().startsWith("08") || r.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
