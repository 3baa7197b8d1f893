package vn.cong.tenancy;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.reactive.ReactiveTransactionStatus;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.util.function.Function;

/**
 * One open transaction on one pooled connection, handed out by {@link TenantDatabase} ({@link TenantTx}) or
 * {@link PlatformDatabase} ({@link PlatformTx}); only {@code tenancy} can make one. Hand-written SQL runs through
 * {@link #query}, {@link #one} and {@link #update}; a Micronaut Data repository method joins the transaction by
 * taking it as a parameter (it is the {@link ReactiveTransactionStatus} Data looks for), so a repository never
 * opens a connection of its own and never sets a schema.
 */
public abstract sealed class Transaction implements ReactiveTransactionStatus<Connection> permits TenantTx, PlatformTx {

    private final Connection connection;
    private final ConnectionStatus<Connection> status;

    Transaction(Connection connection) {
        this.connection = connection;
        this.status = new Joined(connection);
    }

    /** Rows of {@code sql} (positional binds {@code $1, $2, …}; a null needs {@link Sql#nullOf}). */
    public <T> Flux<T> query(String sql, Function<Readable, T> mapper, Object... params) {
        return Sql.query(connection, sql, mapper, params);
    }

    /** The first row, reading the result to its end (see {@link Sql#one}). */
    public <T> Mono<T> one(String sql, Function<Readable, T> mapper, Object... params) {
        return Sql.one(connection, sql, mapper, params);
    }

    /** The number of rows changed. */
    public Mono<Long> update(String sql, Object... params) {
        return Sql.update(connection, sql, params);
    }

    final Connection connection() {
        return connection;
    }

    // What Micronaut Data asks of the transaction a repository method is given: its connection, nothing more.
    // Beginning, committing and rolling back stay with the database that opened it.

    @Override
    public final ConnectionStatus<Connection> getConnectionStatus() {
        return status;
    }

    @Override
    public final boolean isNewTransaction() {
        return false;
    }

    @Override
    public final void setRollbackOnly() {
        throw new UnsupportedOperationException("fail the unit of work instead: its transaction then rolls back");
    }

    @Override
    public final boolean isRollbackOnly() {
        return false;
    }

    @Override
    public final boolean isCompleted() {
        return false;
    }

    @Override
    public final TransactionDefinition getTransactionDefinition() {
        return TransactionDefinition.DEFAULT;
    }

    private record Joined(Connection getConnection) implements ConnectionStatus<Connection> {

        @Override
        public boolean isNew() {
            return false;
        }

        @Override
        public ConnectionDefinition getDefinition() {
            return ConnectionDefinition.DEFAULT;
        }

        @Override
        public void registerSynchronization(ConnectionSynchronization synchronization) {
            throw new UnsupportedOperationException("a joined transaction takes no synchronizations");
        }
    }
}
