package vn.cong.accounts;

/** What a login attempt came to. */
public sealed interface LoginOutcome {

    /** The password matched an active account. */
    record SignedIn(Account account) implements LoginOutcome {
    }

    /** Wrong username or password; which of the two is never said. */
    record Refused() implements LoginOutcome {
    }

    /** Too many failures from this address or for this username: not checked, try again after the wait. */
    record Throttled(Throttling throttling) implements LoginOutcome {
    }
}
