package vn.cong.tenancy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * A transaction in one tenant's schema: its connection's {@code search_path} was set once, when
 * {@link TenantDatabase} opened it, to the tenant's schema (then {@code extensions}), and holds until it
 * commits or rolls back. A method that needs a tenant's tables takes one of these, so it cannot be
 * handed a platform transaction. Platform tables are still reachable by their qualified names
 * ({@code platform.tenants}); per-tenant rows there go through {@link #platformRows()}.
 */
public final class TenantTx extends Transaction {

    /** Written before a table's name in {@link #own} SQL: the tenant's schema goes there. */
    public static final String SCHEMA = "{schema}.";

    private final Tenant tenant;
    private final String qualifier;

    /** {@code quotedSchema}: the tenant's schema as {@link SchemaNames#quoted} gave it for the search_path. */
    TenantTx(Connection connection, Tenant tenant, String quotedSchema) {
        super(connection);
        this.tenant = tenant;
        this.qualifier = quotedSchema + ".";
    }

    /** As {@link Transaction#query}; {@link #SCHEMA} in {@code sql} names this tenant's schema ({@link #own}). */
    @Override
    public <T> Flux<T> query(String sql, Function<Readable, T> mapper, Object... params) {
        return super.query(own(sql), mapper, params);
    }

    /** As {@link Transaction#one}, with {@link #own}. */
    @Override
    public <T> Mono<T> one(String sql, Function<Readable, T> mapper, Object... params) {
        return super.one(own(sql), mapper, params);
    }

    /** As {@link Transaction#update}, with {@link #own}. */
    @Override
    public Mono<Long> update(String sql, Object... params) {
        return super.update(own(sql), params);
    }

    /**
     * {@code sql} with every {@link #SCHEMA} replaced by this tenant's schema ({@code {schema}.content_items} becomes
     * {@code "t_most".content_items}), for the statements every public page runs. PostgreSQL plans a prepared statement
     * again whenever the {@code search_path} differs from the one it was planned under, and a pooled connection serves
     * every tenant in turn: unqualified, such a statement was planned on nearly every execution (planning 0.2 ms, running
     * 0.02 ms). Named for its schema, each tenant's statement keeps its plan on the connection (the driver's statement
     * cache is bounded: {@code preparedStatementCacheQueries}). The name comes from the registry's tenant, the one the
     * {@code search_path} was set to, never from the request.
     */
    public String own(String sql) {
        return sql.indexOf('{') < 0 ? sql : sql.replace(SCHEMA, qualifier);
    }

    public Tenant tenant() {
        return tenant;
    }

    /** This tenant's rows in the per-tenant {@code platform} tables, in this transaction. */
    public TenantRows platformRows() {
        return new TenantRows(this, tenant);
    }
}
