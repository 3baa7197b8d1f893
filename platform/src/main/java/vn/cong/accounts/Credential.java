package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;

/** How an account signs in next: a password hash, or a one-time set-password token (stored as its digest). */
record Credential(@Nullable String passwordHash, @Nullable String tokenDigest, @Nullable OffsetDateTime tokenExpires) {

    static Credential password(String hash) {
        return new Credential(hash, null, null);
    }

    static Credential setPasswordLink(String token, OffsetDateTime expires) {
        return new Credential(null, SetPasswordTokens.digest(token), expires);
    }
}
