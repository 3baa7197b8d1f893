package vn.cong.accounts;

import io.r2dbc.spi.Readable;
import vn.cong.tenancy.TenantTx;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL for the {@code accounts} table of the tenant whose schema the connection is set to
 * (see {@code TenantDatabase}): callers compose these inside one tenant transaction.
 */
@Singleton
class Accounts {

    private static final String COLUMNS = """
            id, username, email, full_name, unit, job_title, phone, roles, status,
            password_hash IS NOT NULL AS has_password, security_stamp, created_at, updated_at,
            must_change_password, last_login_at, totp_enabled_at IS NOT NULL AS mfa_enabled,
            (totp_enabled_at IS NULL AND roles && ARRAY['tenant_admin', 'head', 'deputy_head']
                AND (SELECT mfa_required_for_leaders FROM account_settings)) AS mfa_due,
            (briefing_acknowledged_at IS NULL AND (SELECT briefing_required FROM account_settings)) AS briefing_due""";

    Mono<Account> findById(TenantTx c, long id) {
        return c.one("SELECT " + COLUMNS + " FROM accounts WHERE id = $1", Accounts::map, id);
    }

    Mono<Account> findByUsername(TenantTx c, String username) {
        return c.one("SELECT " + COLUMNS + " FROM accounts WHERE username = $1", Accounts::map, username);
    }

    /** The stored Argon2id hash, if the account has a password yet. */
    Mono<String> passwordHash(TenantTx c, long id) {
        return c.one("SELECT password_hash FROM accounts WHERE id = $1 AND password_hash IS NOT NULL",
                r -> r.get(0, String.class), id);
    }

    Flux<Account> listAll(TenantTx c) {
        return c.query("SELECT " + COLUMNS + " FROM accounts ORDER BY status, username", Accounts::map);
    }

    /** Inserts a new account; empty when the username is taken. */
    Mono<Long> insert(TenantTx c, AccountDetails details, Set<Role> roles, Credential credential) {
        return c.one("""
                INSERT INTO accounts (username, email, full_name, unit, job_title, phone, roles,
                                      password_hash, set_password_token, set_password_expires)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (username) DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                details.username(), details.email(), details.fullName(), details.unit(), details.jobTitle(),
                details.phone(), roleArray(roles),
                Sql.orNull(credential.passwordHash(), String.class),
                Sql.orNull(credential.tokenDigest(), String.class),
                Sql.orNull(credential.tokenExpires(), OffsetDateTime.class));
    }

    Mono<Long> updateDetails(TenantTx c, long id, AccountDetails details, Set<Role> roles) {
        return c.update("""
                UPDATE accounts SET email = $2, full_name = $3, unit = $4, job_title = $5, phone = $6,
                                    roles = $7, updated_at = now()
                WHERE id = $1""", id, details.email(), details.fullName(), details.unit(), details.jobTitle(),
                details.phone(), roleArray(roles));
    }

    /** Replaces the credential and changes the security stamp, which ends the account's live sessions. */
    Mono<Long> replaceCredential(TenantTx c, long id, Credential credential) {
        return c.update("""
                UPDATE accounts SET password_hash = $2, set_password_token = $3, set_password_expires = $4,
                                    locked_until = NULL, must_change_password = false,
                                    security_stamp = gen_random_uuid(), updated_at = now()
                WHERE id = $1 AND status = 'active'""", id,
                Sql.orNull(credential.passwordHash(), String.class),
                Sql.orNull(credential.tokenDigest(), String.class),
                Sql.orNull(credential.tokenExpires(), OffsetDateTime.class));
    }

    /** A dormant account is active again; its unused period starts now. */
    Mono<Long> reactivate(TenantTx c, long id) {
        return c.update("""
                UPDATE accounts SET status = 'active', last_login_at = now(), updated_at = now()
                WHERE id = $1 AND status = 'dormant'""", id);
    }

    Mono<Long> revoke(TenantTx c, long id) {
        return c.update("""
                UPDATE accounts SET status = 'revoked', set_password_token = NULL, set_password_expires = NULL,
                                    security_stamp = gen_random_uuid(), updated_at = now()
                WHERE id = $1 AND status = 'active'""", id);
    }

    /**
     * Sets the password of the active account holding this unexpired one-time token and spends the token,
     * atomically: of two concurrent uses only one finds the token. Returns the account's id.
     */
    Mono<Long> spendSetPasswordToken(TenantTx c, String tokenDigest, String passwordHash) {
        return c.one("""
                UPDATE accounts SET password_hash = $2, set_password_token = NULL, set_password_expires = NULL,
                                    locked_until = NULL, must_change_password = false,
                                    security_stamp = gen_random_uuid(), updated_at = now()
                WHERE set_password_token = $1 AND set_password_expires > now() AND status = 'active'
                RETURNING id""", r -> r.get(0, Long.class), tokenDigest, passwordHash);
    }

    /** The account an unexpired one-time token belongs to, without spending it. */
    Mono<Account> findBySetPasswordToken(TenantTx c, String tokenDigest) {
        return c.one("SELECT " + COLUMNS + " FROM accounts"
                        + " WHERE set_password_token = $1 AND set_password_expires > now() AND status = 'active'",
                Accounts::map, tokenDigest);
    }

    /**
     * Notes a successful login: when it was (for the dormant-accounts job) and whether the password just
     * used breaks today's rules, which makes the account change it before anything else.
     */
    Mono<Account> signedIn(TenantTx c, long id, boolean passwordBreaksRules) {
        return c.update("""
                        UPDATE accounts SET last_login_at = now(), must_change_password = must_change_password OR $2
                        WHERE id = $1""", id, passwordBreaksRules)
                .then(findById(c, id));
    }

    static String[] roleArray(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::db).toArray(String[]::new);
    }

    private static Account map(Readable r) {
        String[] roles = r.get("roles", String[].class);
        OffsetDateTime lastLogin = r.get("last_login_at", OffsetDateTime.class);
        Set<Role> roleSet = roles == null || roles.length == 0 ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles).flatMap(name -> Role.parse(name).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(
                r.get("id", Long.class),
                r.get("username", String.class),
                r.get("email", String.class),
                r.get("full_name", String.class),
                r.get("unit", String.class),
                r.get("job_title", String.class),
                r.get("phone", String.class),
                roleSet,
                Account.Status.of(r.get("status", String.class)),
                Boolean.TRUE.equals(r.get("has_password", Boolean.class)),
                r.get("security_stamp", UUID.class),
                r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("updated_at", OffsetDateTime.class).toInstant(),
                Boolean.TRUE.equals(r.get("must_change_password", Boolean.class)),
                lastLogin == null ? null : lastLogin.toInstant(),
                Boolean.TRUE.equals(r.get("mfa_enabled", Boolean.class)),
                Boolean.TRUE.equals(r.get("mfa_due", Boolean.class)),
                Boolean.TRUE.equals(r.get("briefing_due", Boolean.class)));
    }
}
