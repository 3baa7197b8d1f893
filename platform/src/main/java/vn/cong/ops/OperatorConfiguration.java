package vn.cong.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

/**
 * The platform operator who may call the operator API on {@code admin.<base-domain>}. There is no
 * default: without both settings the API answers 503 (only the {@code dev} environment ships one).
 *
 * @param username     operator login name
 * @param passwordHash Argon2id hash of the password ({@code java -jar cong-platform.jar hash-password})
 * @param totpSecret   Base32 TOTP secret of the operator's authenticator app: the console's second step
 * @param mfaRequired  whether the console refuses every login without {@code totpSecret} (true except in
 *                     {@code dev}); with a secret the second step is always asked
 */
@ConfigurationProperties("cong.operator")
public record OperatorConfiguration(@Nullable String username, @Nullable String passwordHash, @Nullable String totpSecret,
                                    @Bindable(defaultValue = "true") boolean mfaRequired) {

    /** Whether the console asks for a code after the password. */
    public boolean hasSecondFactor() {
        return totpSecret != null && !totpSecret.isBlank();
    }

    public boolean isConfigured() {
        return username != null && !username.isBlank() && passwordHash != null && passwordHash.startsWith("$argon2");
    }
}
