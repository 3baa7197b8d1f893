package vn.cong.accounts;

import java.time.Instant;

/** What a login attempt came to. */
public sealed interface LoginOutcome {

    /** The password matched an active, unlocked account. */
    record SignedIn(Account account) implements LoginOutcome {
    }

    /** Wrong username or password; which of the two is never said. */
    record Refused() implements LoginOutcome {
    }

    /** Too many failures: no password is accepted until {@code until}. */
    record Locked(Instant until) implements LoginOutcome {
    }
}
