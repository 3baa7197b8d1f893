package vn.cong.accounts;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, what every authenticator
 * app reads from an {@code otpauth://} QR code), computed with the kept library {@code dev.samstevens.totp}
 * against the platform's injected {@link Clock}. A code is accepted for its own step and one step either
 * side (clock drift), and only for a step later than the last one accepted, so a code is never used twice.
 */
@Singleton
public class Totp {

    public static final int PERIOD_SECONDS = 30;
    public static final int RECOVERY_CODES = 10;
    private static final Pattern CODE = Pattern.compile("^\\d{6}$");
    private static final Pattern RECOVERY = Pattern.compile("^[a-z0-9]{16}$");

    private final Clock clock;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32); // 160 bits, RFC 4226's advice

    public Totp(Clock clock) {
        this.clock = clock;
    }

    public String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://totp/…} address an authenticator app reads from the QR code. */
    public String uri(String issuer, String account, String secret) {
        return new QrData.Builder().label(account).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build().getUri();
    }

    /** The time step now. */
    public long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code of a step (for tests and for the operator's tooling). */
    public String code(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalArgumentException("not a Base32 TOTP secret", e);
        }
    }

    /**
     * The step whose code {@code typed} is, among the current step and one either side and after
     * {@code lastUsedStep}; empty when it is none of them (or not six digits).
     */
    public OptionalLong matchingStep(String secret, @Nullable String typed, @Nullable Long lastUsedStep) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if ((lastUsedStep == null || step > lastUsedStep) && MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** Ten new recovery codes, shown as {@code xxxx-xxxx-xxxx-xxxx}. */
    public List<String> newRecoveryCodes() {
        return List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
    }

    /** The form a recovery code is hashed in: lower case, without dashes and spaces; empty if it cannot be one. */
    public static String normalizedRecoveryCode(@Nullable String typed) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return RECOVERY.matcher(code).matches() ? code : "";
    }

    /** True when what was typed looks like a TOTP code (six digits) rather than a recovery code. */
    public static boolean looksLikeTotp(@Nullable String typed) {
        return typed != null && CODE.matcher(typed.replaceAll("\\s", "")).matches();
    }
}
