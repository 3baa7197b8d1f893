package vn.cong.web;

import io.lettuce.core.GetExArgs;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;
import vn.cong.tenancy.Tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    StaffSessions(RedisConnector redis, SessionSettings settings) {
        this.redis = redis;
        this.settings = settings;
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
