package vn.cong.ops;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The platform operator who may call the operator API on {@code admin.<base-domain>}. There is no
 * default: without both settings the API answers 503 (only the {@code dev} environment ships one).
 *
 * @param username     operator login name
 * @param passwordHash Argon2id hash of the password ({@code java -jar cong-platform.jar hash-password})
 */
@ConfigurationProperties("cong.operator")
public record OperatorConfiguration(@Nullable String username, @Nullable String passwordHash) {

    public boolean isConfigured() {
        return username != null && !username.isBlank() && passwordHash != null && passwordHash.startsWith("$argon2");
    }
}
