package vn.cong.tenancy;

import java.time.Duration;

/** A tenant is over the request limit the operator set for it this minute; {@code retryAfter} is the rest of the minute. */
public final class OverRequestLimit extends RuntimeException {

    private final transient Duration retryAfter;

    public OverRequestLimit(String tenantCode, Duration retryAfter) {
        super("Tenant " + tenantCode + " is over its request limit", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The over-limit signal in {@code e} or its causes; null when there is none. */
    public static OverRequestLimit in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OverRequestLimit over) {
                return over;
            }
        }
        return null;
    }
}
