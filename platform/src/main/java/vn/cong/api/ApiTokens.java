package vn.cong.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.workflow.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * API tokens of a tenant's accounts. A token is 32 random bytes; only its SHA-256 is stored (a
 * token that long needs no slow hash). It is looked up in the schema of the host's tenant only, so
 * a token of one tenant means nothing on another's host; a revoked account's tokens stop at once.
 */
@Singleton
public class ApiTokens {

    static final String PREFIX = "cong_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDatabase db;
    private final ApiTokenRepository tokens;

    ApiTokens(TenantDatabase db, ApiTokenRepository tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    public record Issued(long id, String token) {
    }

    @Introspected
    public record TokenLine(long id, String name, String username, OffsetDateTime createdAt, @Nullable OffsetDateTime lastUsedAt,
                            boolean revoked) {
    }

    /** Issues a token for an active account of the tenant; empty when there is no such account. */
    public Mono<Issued> issue(Tenant tenant, long accountId, String name, long issuedBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // hand-written: Data runs an INSERT … SELECT … RETURNING as an update count, not as the row it returns
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO api_tokens (account_id, name, token_hash, created_by)
                        SELECT id, $2, $3, $4 FROM accounts WHERE id = $1 AND status = 'active' RETURNING id""",
                r -> new Issued(r.get(0, Long.class), token), accountId, name, hash(token), issuedBy));
    }

    public Mono<List<TokenLine>> list(Tenant tenant) {
        return db.flux(tenant, tokens::lines).collectList();
    }

    public Mono<Boolean> revoke(Tenant tenant, long id) {
        return db.mono(tenant, tx -> tokens.revoke(id, tx))
                .map(n -> n > 0);
    }

    /** The account a Bearer token acts as, in this tenant; empty for an unknown, revoked or orphaned token. */
    public Mono<Optional<Actor>> authenticate(Tenant tenant, String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Mono.just(Optional.empty());
        }
        // hand-written: an UPDATE … FROM … RETURNING the joined account is a row Data's @Query cannot give back
        return db.mono(tenant, c -> c.one("""
                                UPDATE api_tokens t SET last_used_at = now() FROM accounts a
                                WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.id = t.account_id AND a.status = 'active'
                                RETURNING a.id, coalesce(nullif(a.full_name, ''), a.username), a.roles""",
                        r -> new Actor(r.get(0, Long.class), r.get(1, String.class), Arrays.stream(r.get(2, String[].class))
                                .map(Role::parse).flatMap(Optional::stream).collect(Collectors.toSet())), hash(token))
                .map(Optional::of))
                .defaultIfEmpty(Optional.empty());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
