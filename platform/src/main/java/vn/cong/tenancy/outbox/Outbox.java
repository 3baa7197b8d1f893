package vn.cong.tenancy.outbox;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import vn.cong.tenancy.PlatformTx;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.Transaction;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.jobs.JobRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's one outbox ({@code platform.outbox}): what must go out after a change commits — e-mail
 * today, notifications and webhooks later — is written in the transaction of that change
 * ({@link #enqueue(Tenant, TenantTx, String, Object)} takes the caller's connection) and delivered
 * afterwards by the {@link OutboxHandler} of its kind.
 * <p>
 * Delivery goes tenant by tenant (and once for the platform's own messages), so one tenant's trouble
 * stays its own. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and marked {@code sending} in
 * one short transaction, so two nodes never take the same message; the handler then runs outside any
 * transaction (a slow SMTP server holds no connection), and a second transaction records the outcome:
 * sent, skipped, or pending again after retry-delay × 2^(attempt−1), or failed after max-attempts. A
 * message claimed by a node that died is claimed again after claim-timeout. A kind whose handler is not
 * {@link OutboxHandler#ready() ready} is left untouched.
 * <p>
 * Rows of all tenants share the table: every read of a tenant's messages binds the tenant's code from
 * its {@link Tenant} ({@link #messages(Tenant, int)}); only the operator's dev mail viewer reads across
 * tenants ({@link #acrossTenants}).
 */
@Singleton
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String TABLE = "platform.outbox";

    private final PlatformDatabase db;
    private final BeanProvider<OutboxHandler> handlers;
    private final OutboxConfiguration config;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(PlatformDatabase db, BeanProvider<OutboxHandler> handlers, OutboxConfiguration config, JsonMapper json, Clock clock) {
        this.db = db;
        this.handlers = handlers;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Writes a message of {@code tenant} in the caller's transaction {@code tx} (a tenant's or the platform's); emits its id. */
    public Mono<Long> enqueue(Tenant tenant, TenantTx tx, String kind, Object payload) {
        return insert(tx, tenant.code(), kind, payload);
    }

    /** Writes a message of the platform itself (no tenant, e.g. an operator alert) in the caller's transaction. */
    public Mono<Long> enqueueForPlatform(PlatformTx tx, String kind, Object payload) {
        return insert(tx, null, kind, payload);
    }

    /** Writes a message of the platform itself in a transaction of its own (nothing else to commit with it). */
    public Mono<Long> enqueueForPlatform(String kind, Object payload) {
        return db.mono(c -> insert(c, null, kind, payload));
    }

    private Mono<Long> insert(Transaction tx, @Nullable String tenantCode, String kind, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (IOException e) {
            return Mono.error(new UncheckedIOException("Outbox payload of kind " + kind + " cannot be written as JSON", e));
        }
        return tx.one("INSERT INTO " + TABLE + " (tenant_code, kind, payload, next_at) VALUES ($1, $2, $3::jsonb, $4) RETURNING id",
                r -> r.get(0, Long.class), Sql.orNull(tenantCode, String.class), kind, body, now());
    }

    /** The payload of a message, read back as {@code type}. */
    public <T> T payload(OutboxMessage message, Class<T> type) {
        try {
            return json.readValue(message.payload(), Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException("Outbox message " + message.id() + " has an unreadable payload", e);
        }
    }

    /** The latest 100 messages of {@code tenant}, newest first: only its own. */
    public Mono<List<OutboxMessage>> messages(Tenant tenant) {
        return messages(tenant, 100);
    }

    /** The latest messages of {@code tenant}, newest first: only its own. */
    public Mono<List<OutboxMessage>> messages(Tenant tenant, int limit) {
        return db.flux(c -> c.query("SELECT " + columns("") + " FROM " + TABLE + " WHERE tenant_code = $1 ORDER BY id DESC LIMIT $2",
                OutboxMessage::of, tenant.code(), limit)).collectList();
    }

    /** The latest messages of the platform itself (no tenant), newest first. */
    public Mono<List<OutboxMessage>> platformMessages(int limit) {
        return db.flux(c -> c.query("SELECT " + columns("") + " FROM " + TABLE + " WHERE tenant_code IS NULL ORDER BY id DESC LIMIT $1",
                OutboxMessage::of, limit)).collectList();
    }

    /**
     * The latest messages of the given kinds of every tenant and of the platform, newest first: for the
     * operator's dev mail viewer only (a tenant's screens use {@link #messages(Tenant, int)}).
     */
    public Mono<List<OutboxMessage>> acrossTenants(Collection<String> kinds, int limit) {
        return db.flux(c -> c.query("SELECT " + columns("") + " FROM " + TABLE + " WHERE kind = ANY($1) ORDER BY id DESC LIMIT $2",
                OutboxMessage::of, kinds.toArray(String[]::new), limit)).collectList();
    }

    /**
     * One job slot: forgets messages done longer than the retention ago, delivers the platform's own
     * messages, then every serving tenant's, one tenant's failure isolated; emits how many were sent.
     */
    public Mono<Integer> deliver(JobRun run) {
        return forgetDone()
                .then(deliver((Tenant) null))
                .onErrorResume(e -> {
                    LOG.error("Outbox: the platform's messages failed; the tenants' go on", e);
                    return Mono.just(0);
                })
                .flatMap(platform -> run.forEachServingTenant(this::deliver).map(tenants -> platform + tenants));
    }

    /** Deletes the messages that were done (sent, skipped, expired, failed) longer than the retention ago. */
    Mono<Long> forgetDone() {
        return db.mono(c -> c.update("DELETE FROM " + TABLE
                        + " WHERE status IN ('sent', 'skipped', 'expired', 'failed') AND done_at < $1",
                now().minus(config.retention())));
    }

    /** Delivers the due messages of {@code tenant} (null: the platform's own) whose handlers are ready; emits how many were sent. */
    public Mono<Integer> deliver(@Nullable Tenant tenant) {
        Map<String, OutboxHandler> ready = handlers.stream().filter(OutboxHandler::ready)
                .collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
        if (ready.isEmpty()) {
            return Mono.just(0);
        }
        OffsetDateTime now = now();
        String scope = tenant == null ? "tenant_code IS NULL" : "tenant_code = $3";
        Object[] scopeParams = tenant == null ? new Object[0] : new Object[]{tenant.code()};
        return db.mono(c -> expire(c, ready.values(), scope, now, scopeParams)
                        .then(claim(c, ready.keySet(), scope, now, scopeParams).collectList()))
                .flatMap(batch -> Flux.fromIterable(batch)
                        .concatMap(m -> deliverOne(tenant, ready.get(m.kind()), m))
                        .reduce(0, Integer::sum));
    }

    private Mono<Long> expire(PlatformTx c, Collection<OutboxHandler> ready, String scope, OffsetDateTime now, Object[] scopeParams) {
        return Flux.fromIterable(ready).filter(h -> h.maxAge() != null)
                .concatMap(h -> c.update("UPDATE " + TABLE + " SET status = 'expired', done_at = $2 WHERE " + scope
                                + " AND kind = $1 AND status = 'pending' AND created_at < $2 - make_interval(secs => $" + (scopeParams.length + 3) + ")",
                        params(new Object[]{h.kind(), now}, scopeParams, (double) h.maxAge().toSeconds())))
                .reduce(0L, Long::sum);
    }

    private Flux<OutboxMessage> claim(PlatformTx c, Collection<String> kinds, String scope, OffsetDateTime now, Object[] scopeParams) {
        return c.query("""
                        WITH due AS (
                            SELECT id FROM %1$s
                            WHERE %2$s AND kind = ANY($1)
                              AND ((status = 'pending' AND next_at <= $2)
                                   OR (status = 'sending' AND claimed_at < $2 - make_interval(secs => $%3$d)))
                            ORDER BY id LIMIT %4$d FOR UPDATE SKIP LOCKED)
                        UPDATE %1$s o SET status = 'sending', claimed_at = $2, attempts = o.attempts + 1
                        FROM due WHERE o.id = due.id
                        RETURNING %5$s""".formatted(TABLE, scope, scopeParams.length + 3, Math.max(1, config.batch()), columns("o.")),
                OutboxMessage::of, params(new Object[]{kinds.toArray(String[]::new), now}, scopeParams, (double) config.claimTimeout().toSeconds()));
    }

    private Mono<Integer> deliverOne(@Nullable Tenant tenant, OutboxHandler handler, OutboxMessage m) {
        String whose = tenant == null ? "Platform" : "Tenant " + tenant.code();
        return Mono.defer(() -> handler.deliver(tenant, m))
                .defaultIfEmpty(OutboxHandler.Delivered.SENT)
                .flatMap(d -> d == OutboxHandler.Delivered.SENT
                        ? mark(m.id(), OutboxStatus.SENT, null, null).map(marked -> marked > 0 ? 1 : 0)
                        : mark(m.id(), OutboxStatus.SKIPPED, null, null).thenReturn(0))
                .onErrorResume(e -> {
                    List<Duration> delays = handler.retryDelays();
                    int maxAttempts = delays.isEmpty() ? config.maxAttempts() : delays.size() + 1;
                    boolean last = m.attempts() >= Math.max(1, maxAttempts);
                    if (last) {
                        LOG.error("{}: outbox message {} ({}) not delivered after {} attempts: {}", whose, m.id(), m.kind(), m.attempts(),
                                e.getMessage());
                    } else {
                        LOG.warn("{}: outbox message {} ({}) not delivered (attempt {} of {}), retrying: {}", whose, m.id(), m.kind(),
                                m.attempts(), maxAttempts, e.getMessage());
                    }
                    Duration wait = last ? null : delays.isEmpty() ? config.backOff(m.attempts()) : delays.get(m.attempts() - 1);
                    return mark(m.id(), last ? OutboxStatus.FAILED : OutboxStatus.PENDING,
                            last ? null : now().plus(wait), String.valueOf(e.getMessage()))
                            .flatMap(marked -> last && marked > 0 ? handler.gaveUp(tenant, m, e)
                                    .onErrorResume(alertError -> {
                                        LOG.error("{}: giving up on outbox message {} failed too", whose, m.id(), alertError);
                                        return Mono.empty();
                                    }).thenReturn(0) : Mono.just(0));
                });
    }

    private Mono<Long> mark(long id, OutboxStatus status, @Nullable OffsetDateTime nextAt, @Nullable String error) {
        boolean done = status != OutboxStatus.PENDING;
        return db.mono(c -> c.update("UPDATE " + TABLE + """
                         SET status = $2, next_at = coalesce($3, next_at), last_error = $4, done_at = $5
                        WHERE id = $1 AND status = 'sending'""",
                id, status.db(), Sql.orNull(nextAt, OffsetDateTime.class), Sql.orNull(error, String.class),
                Sql.orNull(done ? now() : null, OffsetDateTime.class)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String columns(String prefix) {
        return prefix.isEmpty() ? OutboxMessage.COLUMNS : prefix + OutboxMessage.COLUMNS.replace(", ", ", " + prefix);
    }

    /** {@code first}, then the scope's parameters ($3…), then {@code last}. */
    private static Object[] params(Object[] first, Object[] scope, Object last) {
        Object[] all = new Object[first.length + scope.length + 1];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(scope, 0, all, first.length, scope.length);
        all[all.length - 1] = last;
        return all;
    }
}
