package vn.cong.tenancy;

import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.util.function.Function;

/**
 * The only way to reach a tenant's tables: work gets a {@link TenantTx}, which nothing outside {@code tenancy} can make. Each unit of work runs in its own transaction on a
 * pooled connection whose {@code search_path} is set to the tenant's schema (then {@code extensions}) for that transaction
 * only ({@code set_config(…, true)}): when the connection goes back to the pool it no longer points
 * at any tenant, and a query issued without a tenant finds no tenant tables and fails loudly.
 * A schema that is not there fails the work with {@link TenantSchemaMissingException} (a 503 for the
 * reader) and marks the tenant missing once its connection is back in the pool; one that is there but
 * cannot be read (privilege revoked, a table gone) fails it with {@link TenantSchemaUnreadableException},
 * the same 503, marking nothing.
 */
@Singleton
public class TenantDatabase {

    private final PlatformDatabase database;
    private final LostSchemas lostSchemas;

    public TenantDatabase(PlatformDatabase database, LostSchemas lostSchemas) {
        this.database = database;
        this.lostSchemas = lostSchemas;
    }

    /** Runs {@code work} inside one transaction in the tenant's schema. */
    public <T> Flux<T> flux(Tenant tenant, Function<TenantTx, Publisher<T>> work) {
        return database.inTransaction(c -> searchPath(c, tenant).thenMany(work.apply(new TenantTx(c, tenant))))
                .onErrorMap(TenantSchemaUnreadableException::isUnreadable, e -> new TenantSchemaUnreadableException(tenant, e))
                .onErrorResume(TenantSchemaMissingException.class, e -> reportMissing(tenant, e));
    }

    /** Runs {@code work} inside one transaction in the tenant's schema and gives its first element. */
    public <T> Mono<T> mono(Tenant tenant, Function<TenantTx, Publisher<T>> work) {
        return database.firstOf(c -> searchPath(c, tenant).thenMany(work.apply(new TenantTx(c, tenant))))
                .onErrorMap(TenantSchemaUnreadableException::isUnreadable, e -> new TenantSchemaUnreadableException(tenant, e))
                .onErrorResume(TenantSchemaMissingException.class, e -> reportMissing(tenant, e));
    }

    /**
     * The one statement that points a connection at a tenant: the tenant's schema, then the shared
     * {@code extensions} schema when the database has one, for this transaction only. Nothing issued
     * later in the transaction sets it again (repository calls included).
     */
    private static Mono<Boolean> searchPath(Connection c, Tenant tenant) {
        return Sql.one(c, """
                        SELECT set_config('search_path', $2::text || CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $3)
                                   THEN ', ' || $4::text ELSE '' END, true),
                               EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)""",
                        r -> r.get(1, Boolean.class), tenant.schema(), SchemaNames.quoted(tenant.schema()),
                        SchemaNames.EXTENSIONS, SchemaNames.quoted(SchemaNames.EXTENSIONS))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new TenantSchemaMissingException(tenant)));
    }

    /** Runs after the transaction has given its connection back: marking needs one of its own. */
    private <T> Mono<T> reportMissing(Tenant tenant, TenantSchemaMissingException e) {
        if (tenant.migrationStatus() == Tenant.MigrationStatus.MISSING) {
            return Mono.error(e);
        }
        return lostSchemas.markMissing(tenant.code(), tenant.schema(), "đọc dữ liệu của cổng")
                .onErrorResume(failed -> Mono.empty()) // the reader still gets the 503; the next request tries again
                .then(Mono.error(e));
    }
}
