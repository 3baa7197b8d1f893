package vn.cong.web;

import io.lettuce.core.GetExArgs;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;
import vn.cong.tenancy.Tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Staff sessions in Redis. The key holds the tenant and a digest of the session id, so a session id
 * means nothing on another tenant's host and a copy of Redis reveals no usable session ids.
 * Every failure to reach Redis surfaces as {@link vn.cong.system.RedisUnavailableException}.
 */
@Singleton
public class StaffSessions {

    /** The scope of the platform operator's console sessions (not a tenant; see {@link #find(String, String)}). */
    public static final String OPERATOR_SCOPE = "~operator";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final RedisConnector redis;
    private final SessionSettings settings;
    private final Clock clock;

    StaffSessions(RedisConnector redis, SessionSettings settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    /** The live session with this id in this tenant, its idle timeout restarted; empty if none. */
    public Mono<StaffSession> find(Tenant tenant, String id) {
        return find(tenant.code(), id);
    }

    /**
     * The same for a scope that is not a tenant: the operator console keeps its sessions here under
     * {@link #OPERATOR_SCOPE}, which no tenant code can be (codes start with a letter), so neither
     * kind of session id means anything to the other.
     */
    public Mono<StaffSession> find(String scope, String id) {
        if (!ID.matcher(id).matches()) {
            return Mono.empty();
        }
        String key = key(scope, id);
        return redis.run(r -> r.getex(key, GetExArgs.Builder.ex(settings.idleTimeout())))
                .flatMap(stored -> Mono.justOrEmpty(StaffSession.decode(id, stored)))
                .filter(s -> s.tenantCode().equals(scope));
    }

    /** A session that only carries a CSRF token, for the login and set-password forms. */
    public Mono<StaffSession> startAnonymous(Tenant tenant) {
        return startAnonymous(tenant.code());
    }

    public Mono<StaffSession> startAnonymous(String scope) {
        StaffSession session = new StaffSession(newId(), scope, null, null, newId(), Instant.now());
        return store(session, settings.loginFormTimeout());
    }

    /**
     * The session after a successful login: always under a NEW id with a new CSRF token, and the
     * session the login form came with is deleted, so an id planted before login is worth nothing.
     */
    public Mono<StaffSession> signIn(Tenant tenant, StaffSession previous, long accountId, UUID securityStamp) {
        return signIn(tenant.code(), previous, accountId, securityStamp);
    }

    /** {@link #signIn(Tenant, StaffSession, long, UUID)} for a scope that is not a tenant (see {@link #find(String, String)}). */
    public Mono<StaffSession> signIn(String scope, StaffSession previous, long accountId, UUID securityStamp) {
        StaffSession session = new StaffSession(newId(), scope, accountId, securityStamp, newId(), Instant.now());
        return end(scope, previous.id()).then(store(session, settings.idleTimeout()));
    }

    /**
     * The session between a right password and the second factor: under a NEW id (the form's session is
     * deleted), still anonymous, naming the account and its stamp, and living only as long as a login form.
     */
    public Mono<StaffSession> awaitSecondFactor(Tenant tenant, StaffSession previous, long accountId, UUID securityStamp) {
        return awaitSecondFactor(tenant.code(), previous, accountId, securityStamp);
    }

    /** {@link #awaitSecondFactor(Tenant, StaffSession, long, UUID)} for a scope that is not a tenant. */
    public Mono<StaffSession> awaitSecondFactor(String scope, StaffSession previous, long accountId, UUID securityStamp) {
        StaffSession session = new StaffSession(newId(), scope, null, securityStamp, newId(), Instant.now(), accountId);
        return end(scope, previous.id()).then(store(session, settings.loginFormTimeout()));
    }

    /**
     * Notes that a signed-in session was used now, from this address and browser: the account's own list of
     * sessions ({@link #listOf}) shows it. The list lives as long as the account's most recent session.
     */
    public Mono<Void> seen(String scope, StaffSession session, @Nullable String address, @Nullable String userAgent) {
        if (!session.isSignedIn()) {
            return Mono.empty();
        }
        String index = indexKey(scope, session.accountId());
        String entry = String.join("|", Long.toString(session.createdAt().getEpochSecond()),
                Long.toString(clock.instant().getEpochSecond()), encode(address), encode(userAgent));
        return redis.run(r -> r.hset(index, sha256(session.id()), entry)
                .then(r.expire(index, settings.idleTimeout().toSeconds()))).then();
    }

    /** The account's live sessions in this scope, most recently used first; {@code currentId} marks this browser's. */
    public Mono<List<SessionEntry>> listOf(String scope, long accountId, String currentId) {
        String index = indexKey(scope, accountId);
        String current = sha256(currentId);
        return redis.run(r -> r.hgetall(index).collectList()).flatMapMany(Flux::fromIterable)
                .concatMap(kv -> redis.run(r -> r.exists(redis.key("sessions:" + scope + ":" + kv.getKey())))
                        .flatMap(live -> live > 0
                                ? Mono.justOrEmpty(SessionEntry.decode(kv.getKey().equals(current), kv.getValue()))
                                : redis.run(r -> r.hdel(index, kv.getKey())).then(Mono.empty())))
                .sort(Comparator.comparing(SessionEntry::lastSeen).reversed())
                .collectList();
    }

    /**
     * Deletes every session of the account this node has seen in use. Callers also replace the account's
     * security stamp, which ends any session this list missed at its next request.
     */
    public Mono<Void> endAllOf(String scope, long accountId) {
        String index = indexKey(scope, accountId);
        return redis.run(r -> r.hkeys(index).collectList()).flatMapMany(Flux::fromIterable)
                .concatMap(digest -> redis.run(r -> r.del(redis.key("sessions:" + scope + ":" + digest))))
                .then(redis.run(r -> r.del(index))).then();
    }

    /** One live session of an account, as its owner sees it. */
    public record SessionEntry(boolean current, Instant startedAt, Instant lastSeen, String address, String userAgent) {

        static Optional<SessionEntry> decode(boolean current, String stored) {
            String[] f = stored.split("\\|", -1);
            if (f.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new SessionEntry(current, Instant.ofEpochSecond(Long.parseLong(f[0])),
                        Instant.ofEpochSecond(Long.parseLong(f[1])), decodeText(f[2]), decodeText(f[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private String indexKey(String scope, long accountId) {
        return redis.key("session-index:" + scope + ":" + accountId);
    }

    private static String encode(@Nullable String text) {
        String value = text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeText(String encoded) {
        return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    public Mono<Void> end(Tenant tenant, String id) {
        return end(tenant.code(), id);
    }

    public Mono<Void> end(String scope, String id) {
        if (!ID.matcher(id).matches()) {
            return Mono.empty();
        }
        String key = key(scope, id);
        return redis.run(r -> r.del(key)).then();
    }

    private Mono<StaffSession> store(StaffSession session, Duration ttl) {
        String key = key(session.tenantCode(), session.id());
        return redis.run(r -> r.setex(key, ttl.toSeconds(), session.encode())).thenReturn(session);
    }

    private String key(String scope, String id) {
        return redis.key("sessions:" + scope + ":" + sha256(id));
    }

    private static String sha256(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
