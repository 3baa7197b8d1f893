package vn.cong.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters and not one of the 30,000 most
 * common passwords. The list ships with zxcvbn4j ({@code com.nulab-inc:zxcvbn}, MIT licence), compared
 * without regard to case. Existing passwords that break these rules are changed at the next login.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    static final String COMMON_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private PasswordRules() {
    }

    /** Why this password may not be chosen, in Vietnamese; empty when it may. */
    public static Optional<String> problem(String password) {
        return problem(password, "Mật khẩu");
    }

    /** The same, naming the password as the form does ("Mật khẩu ban đầu"). */
    public static Optional<String> problem(String password, String subject) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(subject + " phải có ít nhất " + MIN_LENGTH + " ký tự.");
        }
        if (isCommon(password)) {
            return Optional.of("Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.");
        }
        return Optional.empty();
    }

    public static boolean isAcceptable(String password) {
        return problem(password).isEmpty();
    }

    static boolean isCommon(String password) {
        return Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Read once, on first use: an immutable table, like a constant. */
    private static final class Common {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream in = PasswordRules.class.getResourceAsStream(COMMON_LIST)) {
                if (in == null) {
                    throw new IllegalStateException("The common-password list " + COMMON_LIST + " is missing from the class path");
                }
                Set<String> words = new HashSet<>();
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip).filter(w -> !w.isEmpty()).forEach(words::add);
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
