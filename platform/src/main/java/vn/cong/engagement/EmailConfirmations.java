package vn.cong.engagement;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Confirmation of an e-mail address before what a citizen sent enters a queue: a random token sent in a link
 * (through the outbox), valid a day; only its SHA-256 is stored, so the database never holds a usable link.
 */
@Singleton
public class EmailConfirmations {

    public static final Duration VALID_FOR = Duration.ofDays(1);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public EmailConfirmations(Clock clock) {
        this.clock = clock;
    }

    /** A new token: what goes into the link, what is stored, and until when it holds. */
    public record Issued(String token, String hash, Instant expiresAt) {
    }

    public Issued issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, hash(token), clock.instant().plus(VALID_FOR));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a link issued to expire at {@code expiresAt} still holds now. */
    public boolean stillValid(Instant expiresAt) {
        return clock.instant().isBefore(expiresAt);
    }

    public Instant now() {
        return clock.instant();
    }
}
