package vn.cong.tenancy.outbox;

import java.util.Arrays;

/** Where a message of the outbox stands; {@link #db()} is the code stored in {@code platform.outbox.status}. */
public enum OutboxStatus {
    PENDING, SENDING, SENT, SKIPPED, EXPIRED, FAILED;

    public String db() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static OutboxStatus parse(String code) {
        return Arrays.stream(values()).filter(s -> s.db().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown outbox status " + code));
    }
}
