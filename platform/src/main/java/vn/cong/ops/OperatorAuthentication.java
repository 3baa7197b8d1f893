package vn.cong.ops;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import io.micronaut.core.annotation.Nullable;
import vn.cong.accounts.LoginThrottle;
import vn.cong.accounts.PasswordHasher;
import vn.cong.accounts.StaffLogin;
import vn.cong.accounts.Throttling;
import vn.cong.accounts.Totp;
import vn.cong.system.RedisConnector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ExecutorService;

/**
 * Checks HTTP Basic credentials (the API) and the console's login form against the configured platform
 * operator, behind the same {@link LoginThrottle} as staff logins. The password hash is always verified,
 * whatever the username, and the two results are combined only at the end, so neither the answer nor its
 * timing tells which part was wrong.
 */
@Singleton
public class OperatorAuthentication {

    /** Request attribute naming the authenticated operator, for the audit trail. */
    static final String OPERATOR = "cong.operator";
    /** Request attribute with the {@link OperatorActor} (name, address, channel) of an authenticated request. */
    public static final String ACTOR = "cong.operator.actor";
    /** The operator's scope in the login throttle: console and API count the same failures. */
    static final String THROTTLE_SCOPE = "operator";

    private final OperatorConfiguration config;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Scheduler blocking;
    private final Totp totp;
    private final RedisConnector redis;

    public OperatorAuthentication(OperatorConfiguration config, PasswordHasher hasher, LoginThrottle throttle,
                                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Totp totp, RedisConnector redis) {
        this.config = config;
        this.hasher = hasher;
        this.throttle = throttle;
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.totp = totp;
        this.redis = redis;
    }

    /** What the console asks after a right password. */
    public enum SecondStep {
        /** A code from the operator's authenticator app ({@code cong.operator.totp-secret}). */
        CODE,
        /** Nothing: only in {@code dev} without a secret. */
        NONE,
        /** Refuse: a second factor is required (outside {@code dev}) and no secret is configured. */
        NOT_CONFIGURED
    }

    public SecondStep secondStep() {
        return config.hasSecondFactor() ? SecondStep.CODE : config.mfaRequired() ? SecondStep.NOT_CONFIGURED : SecondStep.NONE;
    }

    /**
     * The console's second step: a code of the configured secret, never one accepted before (the last step is
     * kept in Redis, so no node accepts it again), throttled like the password.
     */
    public Mono<Attempt> secondFactor(@Nullable String code, @Nullable String address) {
        if (!config.hasSecondFactor()) {
            return Mono.just(new Attempt(Verdict.NOT_CONFIGURED, null));
        }
        String scope = "mfa:" + THROTTLE_SCOPE;
        String name = StaffLogin.normalizeUsername(config.username());
        String lastStepKey = redis.key("operator:totp-last-step");
        return throttle.check(scope, name, address).flatMap(throttling -> {
            if (!throttling.allowed()) {
                return Mono.just(new Attempt(Verdict.THROTTLED, throttling));
            }
            return redis.run(r -> r.get(lastStepKey)).map(Long::valueOf).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(last -> {
                        var step = totp.matchingStep(config.totpSecret().replace(" ", ""), code, last.orElse(null));
                        return step.isPresent()
                                ? redis.run(r -> r.setex(lastStepKey, 300, Long.toString(step.getAsLong())))
                                        .then(throttle.succeeded(scope, name)).thenReturn(new Attempt(Verdict.ACCEPTED, null))
                                : throttle.failed(scope, name, address).thenReturn(new Attempt(Verdict.REJECTED, null));
                    });
        });
    }

    /** Checks the request's HTTP Basic credentials, sent from {@code address}. */
    public Mono<Attempt> authenticate(HttpRequest<?> request, @Nullable String address) {
        if (!config.isConfigured()) {
            return Mono.just(new Attempt(Verdict.NOT_CONFIGURED, null));
        }
        String[] credentials = basicCredentials(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (credentials == null) {
            return Mono.just(new Attempt(Verdict.MISSING, null));
        }
        return attempt(credentials[0], credentials[1], address);
    }

    /**
     * Checks a username and password (the console's login form, the API's Basic header) sent from
     * {@code address}: refused at once while the throttle says wait, counted when wrong.
     */
    public Mono<Attempt> attempt(String username, String password, @Nullable String address) {
        if (!config.isConfigured()) {
            return Mono.just(new Attempt(Verdict.NOT_CONFIGURED, null));
        }
        String typed = StaffLogin.normalizeUsername(username);
        if (typed.isEmpty() || password.isEmpty()) {
            return Mono.just(new Attempt(Verdict.MISSING, null));
        }
        return throttle.check(THROTTLE_SCOPE, typed, address).flatMap(throttling -> {
            if (!throttling.allowed()) {
                return Mono.just(new Attempt(Verdict.THROTTLED, throttling));
            }
            return check(username, password).flatMap(verdict -> (verdict == Verdict.ACCEPTED
                    ? throttle.succeeded(THROTTLE_SCOPE, typed)
                    : throttle.failed(THROTTLE_SCOPE, typed, address))
                    .thenReturn(new Attempt(verdict, null)));
        });
    }

    private Mono<Verdict> check(String username, String password) {
        // Argon2 costs tens of milliseconds and 19 MiB: never on the event loop
        return Mono.fromCallable(() -> {
            boolean passwordOk = hasher.matches(password, config.passwordHash());
            boolean usernameOk = sameText(username, config.username());
            return passwordOk & usernameOk ? Verdict.ACCEPTED : Verdict.REJECTED;
        }).subscribeOn(blocking);
    }

    /**
     * A stamp of the operator's current credentials: a console session remembers it at login and is
     * over as soon as the configured username or password hash changes.
     */
    public String credentialStamp() {
        return java.util.HexFormat.of().formatHex(sha256(config.username() + "\n" + config.passwordHash()));
    }

    public String username() {
        return config.username();
    }

    /** Who made this operator request (set by the API filter and by the console's filter). */
    public static OperatorActor actorOf(HttpRequest<?> request) {
        return request.getAttribute(ACTOR, OperatorActor.class).orElseThrow(
                () -> new IllegalStateException("operator request without an authenticated operator"));
    }

    /** The operator the API filter let through (only set on operator API requests). */
    public static String operatorOf(HttpRequest<?> request) {
        return request.getAttribute(OPERATOR, String.class).orElseThrow(
                () -> new IllegalStateException("operator API reached without the operator filter"));
    }

    /** The username a Basic header names (for the audit row of a failed attempt), or "?" without one. */
    static String basicUsername(HttpRequest<?> request) {
        String[] credentials = basicCredentials(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        return credentials == null ? "?" : truncated(credentials[0]);
    }

    /** What someone typed as a username, bounded so a failed login cannot flood the audit trail. */
    public static String truncated(String username) {
        String s = username.strip();
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Constant-time comparison: both sides are hashed first, so even their lengths do not leak. */
    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public enum Verdict { ACCEPTED, REJECTED, MISSING, NOT_CONFIGURED, THROTTLED }

    /** A verdict, with the throttle's wait when it is {@link Verdict#THROTTLED}. */
    public record Attempt(Verdict verdict, @Nullable Throttling throttling) {
    }
}
