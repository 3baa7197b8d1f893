package vn.cong.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Argon2id password hashes (OWASP parameters: 19 MiB, 2 iterations, 1 lane). Hashing is slow and
 * memory-hungry on purpose: call it on the {@link #EXECUTOR} executor, a small fixed pool, so a flood
 * of logins queues instead of exhausting memory or blocking an event loop.
 */
@Singleton
public class PasswordHasher {

    /** The name of the bounded executor for hashing ({@code micronaut.executors.password-hashing}). */
    public static final String EXECUTOR = "password-hashing";

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private volatile String decoy;

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        return hash != null && Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /**
     * Spends as long as {@link #matches} would, for a username that does not exist or has no password,
     * so response times do not reveal which usernames exist. Always false.
     */
    public boolean matchesNothing(String password) {
        String d = decoy;
        if (d == null) {
            d = hash("decoy-" + System.nanoTime());
            decoy = d;
        }
        matches(password, d);
        return false;
    }
}
