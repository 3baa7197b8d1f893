package vn.cong.tenancy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.cong.system.Sql;

import java.util.function.Function;

/**
 * Access to the shared {@code platform} schema. Its SQL always names the schema
 * ({@code platform.tenants}); no tenant schema is ever on the path here.
 */
@Singleton
public class PlatformDatabase {

    private final ConnectionFactory connections;

    public PlatformDatabase(ConnectionFactory connections) {
        this.connections = connections;
    }

    /**
     * Runs {@code work} in one transaction; a subscriber that cancels early rolls it back. No connection,
     * or a connection lost on the way, fails with {@link DatabaseUnavailableException}.
     */
    public <T> Flux<T> flux(Function<PlatformTx, Publisher<T>> work) {
        return inTransaction(c -> work.apply(new PlatformTx(c)));
    }

    /** Runs {@code work} in one transaction and gives its first element; {@code work} runs to its end, uncancelled. */
    public <T> Mono<T> mono(Function<PlatformTx, Publisher<T>> work) {
        return firstOf(c -> work.apply(new PlatformTx(c)));
    }

    /** For {@link TenantDatabase}: the same transaction, on a connection it prepares for the tenant first. */
    <T> Flux<T> inTransaction(Function<Connection, Publisher<T>> work) {
        return inTransaction(connection(), work);
    }

    /** The same, on a connection from {@code source} (another cluster's pool, for {@link TenantDatabase}). */
    <T> Flux<T> inTransaction(Mono<Connection> source, Function<Connection, Publisher<T>> work) {
        return Flux.usingWhen(source,
                c -> Mono.from(c.beginTransaction()).thenMany(work.apply(c)),
                PlatformDatabase::commit, PlatformDatabase::rollback, PlatformDatabase::rollback)
                .onErrorMap(DatabaseUnavailableException::isOutage, DatabaseUnavailableException::new);
    }

    <T> Mono<T> firstOf(Function<Connection, Publisher<T>> work) {
        return firstOf(connection(), work);
    }

    <T> Mono<T> firstOf(Mono<Connection> source, Function<Connection, Publisher<T>> work) {
        return Mono.usingWhen(source,
                c -> Mono.from(c.beginTransaction()).then(Sql.first(work.apply(c))),
                PlatformDatabase::commit, PlatformDatabase::rollback, PlatformDatabase::rollback)
                .onErrorMap(DatabaseUnavailableException::isOutage, DatabaseUnavailableException::new);
    }

    private Mono<Connection> connection() {
        return outage(Mono.from(connections.create()));
    }

    /** Whatever keeps a pool from handing out a connection (refused, timed out, shutting down) is an outage. */
    static Mono<Connection> outage(Mono<Connection> source) {
        return source.onErrorMap(e -> !(e instanceof TenantUnavailableException), DatabaseUnavailableException::new);
    }

    private static Mono<Void> commit(Connection c) {
        return Mono.from(c.commitTransaction()).then(Mono.from(c.close()));
    }

    private static Mono<Void> rollback(Connection c, Throwable error) {
        return rollback(c);
    }

    private static Mono<Void> rollback(Connection c) {
        return Mono.from(c.rollbackTransaction()).onErrorResume(e -> Mono.empty()).then(Mono.from(c.close()));
    }
}
