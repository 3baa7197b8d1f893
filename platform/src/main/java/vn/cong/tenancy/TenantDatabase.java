package vn.cong.tenancy;

import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.util.function.Function;

/**
 * The only way to reach a tenant's tables. Each unit of work runs in its own transaction on a
 * pooled connection whose {@code search_path} is set to the tenant's schema for that transaction
 * only ({@code set_config(…, true)}): when the connection goes back to the pool it no longer points
 * at any tenant, and a query issued without a tenant finds no tenant tables and fails loudly.
 */
@Singleton
public class TenantDatabase {

    private final PlatformDatabase database;

    public TenantDatabase(PlatformDatabase database) {
        this.database = database;
    }

    /** Runs {@code work} inside one transaction in the tenant's schema. */
    public <T> Flux<T> flux(Tenant tenant, Function<Connection, Publisher<T>> work) {
        return database.flux(c -> searchPath(c, tenant).thenMany(work.apply(c)));
    }

    /** Runs {@code work} inside one transaction in the tenant's schema and gives its first element. */
    public <T> Mono<T> mono(Tenant tenant, Function<Connection, Publisher<T>> work) {
        return database.mono(c -> searchPath(c, tenant).thenMany(work.apply(c)));
    }

    private static Mono<Integer> searchPath(Connection c, Tenant tenant) {
        return Sql.one(c, "SELECT set_config('search_path', $1, true)", r -> 1, tenant.schema());
    }
}
