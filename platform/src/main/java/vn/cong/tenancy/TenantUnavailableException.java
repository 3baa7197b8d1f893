package vn.cong.tenancy;

/**
 * The data behind a request cannot be reached: the database is down or the tenant's schema is gone.
 * Readers and staff get a 503 notice with {@code Retry-After} ({@link UnavailableNotice}), never a 500.
 */
public abstract class TenantUnavailableException extends RuntimeException {

    protected TenantUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** This failure, or the first one of its kind among its causes; null when there is none. */
    public static TenantUnavailableException in(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof TenantUnavailableException found) {
                return found;
            }
        }
        return null;
    }
}
