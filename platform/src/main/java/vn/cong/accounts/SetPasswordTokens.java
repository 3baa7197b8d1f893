package vn.cong.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** One-time set-password tokens are stored only as their SHA-256 digest. */
public final class SetPasswordTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SetPasswordTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the page where the token's holder chooses a password. */
    public static String path(String token) {
        return "/quan-tri/dat-mat-khau?token=" + token;
    }
}
