package vn.cong.web;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A browser's session in the staff area of one tenant: before login it only carries the CSRF token
 * of the login form; after login also the account and the account's security stamp at login time.
 * Between the password and the second factor it names the account in {@code pendingAccountId} (with
 * that account's stamp) and is still anonymous: nothing but the second-step page accepts it.
 */
public record StaffSession(
        String id,
        String tenantCode,
        @Nullable Long accountId,
        @Nullable UUID securityStamp,
        String csrfToken,
        Instant createdAt,
        @Nullable Long pendingAccountId) {

    public StaffSession(String id, String tenantCode, @Nullable Long accountId, @Nullable UUID securityStamp,
                        String csrfToken, Instant createdAt) {
        this(id, tenantCode, accountId, securityStamp, csrfToken, createdAt, null);
    }

    public boolean isSignedIn() {
        return accountId != null;
    }

    /** True between a right password and the second factor (see {@link StaffSessions#awaitSecondFactor}). */
    public boolean awaitsSecondFactor() {
        return accountId == null && pendingAccountId != null && securityStamp != null;
    }

    /** Constant-time comparison with the token a form or header sent. */
    public boolean csrfMatches(@Nullable String token) {
        return token != null && MessageDigest.isEqual(
                csrfToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored form: no session id in it (Redis holds the id only as a digest in the key). */
    String encode() {
        return String.join("|", "v2", tenantCode, accountId == null ? "" : accountId.toString(),
                securityStamp == null ? "" : securityStamp.toString(), csrfToken, Long.toString(createdAt.getEpochSecond()),
                pendingAccountId == null ? "" : pendingAccountId.toString());
    }

    static Optional<StaffSession> decode(String id, @Nullable String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] f = stored.split("\\|", -1);
        boolean v1 = f.length == 6 && "v1".equals(f[0]);
        if (!v1 && !(f.length == 7 && "v2".equals(f[0]))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StaffSession(id, f[1],
                    f[2].isEmpty() ? null : Long.valueOf(f[2]),
                    f[3].isEmpty() ? null : UUID.fromString(f[3]),
                    f[4], Instant.ofEpochSecond(Long.parseLong(f[5])),
                    v1 || f[6].isEmpty() ? null : Long.valueOf(f[6])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
