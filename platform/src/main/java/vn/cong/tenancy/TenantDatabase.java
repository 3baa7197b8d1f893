package vn.cong.tenancy;

import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * the same 503, marking nothing. While this node migrates the tenant's schema after start-up, its work is refused
 * with {@link TenantUpgradingException} before a connection is taken.
 */
@Singleton
public class TenantDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDatabase.class);

    private final PlatformDatabase database;
    private final LostSchemas lostSchemas;
    private final DatabaseClusters clusters;
    private final TenantRegistry registry;

    public TenantDatabase(PlatformDatabase database, LostSchemas lostSchemas, DatabaseClusters clusters, TenantRegistry registry) {
        this.database = database;
        this.lostSchemas = lostSchemas;
        this.clusters = clusters;
        this.registry = registry;
    }

    /**
     * The database the tenant lives in, as this node's registry has it now (a {@link Tenant} held since before a
     * move still reaches the new copy once the registry has switched).
     */
    private String databaseOf(Tenant tenant) {
        return registry.databaseOf(tenant);
    }

    /** Runs {@code work} inside one transaction in the tenant's schema. */
    public <T> Flux<T> flux(Tenant tenant, Function<TenantTx, Publisher<T>> work) {
        if (registry.isUpgrading(tenant.code())) {
            return Flux.error(new TenantUpgradingException(tenant));
        }
        String where = databaseOf(tenant);
        return database.inTransaction(PlatformDatabase.outage(clusters.connection(where, tenant.code())),
                        c -> inSchema(c, tenant, work))
                .onErrorMap(TenantMovingException::isFrozenWrite, e -> new TenantMovingException(tenant, e))
                .onErrorMap(TenantSchemaUnreadableException::isUnreadable, e -> new TenantSchemaUnreadableException(tenant, e))
                .onErrorResume(TenantSchemaMissingException.class, e -> reportMissing(tenant, where, e));
    }

    /** Runs {@code work} inside one transaction in the tenant's schema and gives its first element. */
    public <T> Mono<T> mono(Tenant tenant, Function<TenantTx, Publisher<T>> work) {
        if (registry.isUpgrading(tenant.code())) {
            return Mono.error(new TenantUpgradingException(tenant));
        }
        String where = databaseOf(tenant);
        return database.firstOf(PlatformDatabase.outage(clusters.connection(where, tenant.code())),
                        c -> inSchema(c, tenant, work))
                .onErrorMap(TenantMovingException::isFrozenWrite, e -> new TenantMovingException(tenant, e))
                .onErrorMap(TenantSchemaUnreadableException::isUnreadable, e -> new TenantSchemaUnreadableException(tenant, e))
                .onErrorResume(TenantSchemaMissingException.class, e -> reportMissing(tenant, where, e));
    }

    /**
     * Takes the planner's statistics of every table of the tenant again, after a bulk load ({@link TableStatistics});
     * a failure is logged, never passed on: statistics are an optimisation, the load itself has succeeded.
     */
    public Mono<Void> analyse(Tenant tenant) {
        return Mono.defer(() -> {
                    long started = System.nanoTime();
                    return mono(tenant, c -> c.update(TableStatistics.analyseAll(tenant.schema())))
                            .doOnSuccess(done -> LOG.info("Tenant {}: table statistics taken in {} ms", tenant.code(),
                                    (System.nanoTime() - started) / 1_000_000));
                })
                .onErrorResume(e -> {
                    LOG.warn("Tenant {}: table statistics not taken: {}", tenant.code(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** {@code work} on connection {@code c} once its search_path names the tenant's schema (quoted and checked once). */
    private static <T> Flux<T> inSchema(Connection c, Tenant tenant, Function<TenantTx, Publisher<T>> work) {
        String schema = SchemaNames.quoted(tenant.schema());
        return searchPath(c, tenant, schema).thenMany(work.apply(new TenantTx(c, tenant, schema)));
    }

    /**
     * The one statement that points a connection at a tenant: the tenant's schema, then the shared
     * {@code extensions} schema when the database has one, for this transaction only. Nothing issued
     * later in the transaction sets it again (repository calls included). A schema frozen for a move
     * ({@code cluster_local.frozen_schemas}) makes the transaction read-only in the same statement.
     */
    private static Mono<Boolean> searchPath(Connection c, Tenant tenant, String quotedSchema) {
        return Sql.one(c, """
                        SELECT set_config('search_path', $2::text || CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $3)
                                   THEN ', ' || $4::text ELSE '' END, true),
                               EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1),
                               CASE WHEN EXISTS (SELECT 1 FROM cluster_local.frozen_schemas WHERE schema_name = $1)
                                   THEN set_config('transaction_read_only', 'on', true) END""",
                        r -> r.get(1, Boolean.class), tenant.schema(), quotedSchema,
                        SchemaNames.EXTENSIONS, SchemaNames.quoted(SchemaNames.EXTENSIONS))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new TenantSchemaMissingException(tenant)));
    }

    /** Runs after the transaction has given its connection back: marking needs one of its own. */
    private <T> Mono<T> reportMissing(Tenant tenant, String where, TenantSchemaMissingException e) {
        if (tenant.migrationStatus() == Tenant.MigrationStatus.MISSING) {
            return Mono.error(e);
        }
        // only where the registry still says the tenant lives: a node a move has just left behind marks nothing
        return lostSchemas.markMissing(tenant.code(), tenant.schema(), "đọc dữ liệu của cổng", where)
                .onErrorResume(failed -> Mono.empty()) // the reader still gets the 503; the next request tries again
                .then(Mono.error(e));
    }
}
