package vn.cong.engagement;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Tracking codes (mã tra cứu) of what citizens send: a prefix per kind and ten random characters without the ones
 * people confuse (0/O, 1/I/L), so a code cannot be guessed from another one.
 */
@Singleton
public class TrackingCodes {

    private static final char[] CODE_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** A new code such as {@code HD-7KQ2MXPA4R}. */
    public String next(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            b.append(CODE_CHARS[random.nextInt(CODE_CHARS.length)]);
        }
        return b.toString();
    }

    /** A code as typed, in the form it is stored. */
    public static String typed(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
