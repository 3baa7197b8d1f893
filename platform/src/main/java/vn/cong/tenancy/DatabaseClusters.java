package vn.cong.tenancy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases tenant schemas live in: the platform's own ({@code default}, the r2dbc default pool) and the
 * clusters listed in {@code platform.database_clusters}, each reached through a pool of its own, made the first
 * time a tenant there is served (bounded by {@code cong.clusters.pool-max-size}). {@link TenantDatabase} picks the
 * tenant's pool; JDBC tools (Flyway, pg_dump, pg_restore) take {@link #jdbc(String)}.
 * <p>
 * A cluster's database gets, when the platform {@link ClusterLinks#prepare prepares} it, the {@code extensions}
 * schema, the {@code cluster_local.frozen_schemas} table and a {@code platform} schema of postgres_fdw foreign tables
 * onto the platform's own: tenant code that reads or writes {@code platform.*} inside a tenant transaction (content
 * versions, the outbox, linked sites, triggers) works unchanged wherever the tenant lives.
 */
@Singleton
public class DatabaseClusters {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClusters.class);
    private static final Pattern ADDRESS = Pattern.compile("^([^@\\s]+)@([^:/\\s]+):(\\d{1,5})/([a-z][a-z0-9_]{0,62})$");

    /** One row of {@code platform.database_clusters}; host, port, database and user are null for {@code default}. */
    public record Cluster(String name, @Nullable String host, @Nullable Integer port, @Nullable String database,
                          @Nullable String user, String label, boolean acceptsNew) {

        public boolean isDefault() {
            return Tenant.DEFAULT_DATABASE.equals(name);
        }

        /** {@code host:port/database}, for screens and logs (no password, ever). */
        public String address(DatabaseConfiguration platform) {
            return isDefault() ? platform.host() + ":" + platform.port() + "/" + platform.name() : host + ":" + port + "/" + database;
        }
    }

    private final ConnectionFactory platformPool;
    private final PlatformDatabase platform;
    private final DatabaseConfiguration db;
    private final ClustersConfiguration config;
    private final @Nullable ConnectionTap tap;
    private final @Nullable MeterRegistry meters;
    private final Map<String, Cluster> known = new ConcurrentHashMap<>();
    private final Map<String, ConnectionGroups> pools = new ConcurrentHashMap<>();

    public DatabaseClusters(ConnectionFactory platformPool, PlatformDatabase platform, DatabaseConfiguration db, ClustersConfiguration config,
                            @Nullable ConnectionTap tap, @Nullable MeterRegistry meters) {
        this.platformPool = platformPool;
        this.tap = tap;
        this.meters = meters;
        this.platform = platform;
        this.db = db;
        this.config = config;
    }

    public ClustersConfiguration configuration() {
        return config;
    }

    /** Every cluster, {@code default} first, as the table holds them now. */
    public Mono<List<Cluster>> list() {
        return platform.flux(c -> c.query("""
                        SELECT name, host, port, database_name, user_name, label, accepts_new FROM platform.database_clusters
                        ORDER BY name <> 'default', name""",
                        r -> new Cluster(r.get("name", String.class), r.get("host", String.class), r.get("port", Integer.class),
                                r.get("database_name", String.class), r.get("user_name", String.class), r.get("label", String.class),
                                Boolean.TRUE.equals(r.get("accepts_new", Boolean.class)))))
                .doOnNext(cluster -> known.put(cluster.name(), cluster))
                .collectList();
    }

    /** The value of {@code cong.clusters.default-for-new-tenants} that places each new tenant by {@link #forNewTenant()}'s count. */
    public static final String FEWEST = "fewest";

    /**
     * The cluster a new tenant goes to when the operator names none: the configured one, or with {@code fewest}
     * the cluster accepting new tenants that holds the fewest tenants now ({@code default} first on a tie), so that
     * thousands of tenants fill several databases evenly and each database's catalogue, with every pg_dump that
     * reads it, stays small.
     */
    public Mono<String> forNewTenant() {
        if (!FEWEST.equals(config.defaultForNewTenants())) {
            return Mono.just(config.defaultForNewTenants());
        }
        return platform.mono(c -> c.one("""
                        SELECT c.name FROM platform.database_clusters c LEFT JOIN platform.tenants t ON t.database_name = c.name
                        WHERE c.accepts_new GROUP BY c.name ORDER BY count(t.code), c.name <> 'default', c.name LIMIT 1""",
                        r -> r.get(0, String.class)))
                .defaultIfEmpty(Tenant.DEFAULT_DATABASE);
    }

    public Mono<Cluster> find(String name) {
        Cluster cached = known.get(name);
        return cached != null ? Mono.just(cached) : list().flatMap(all -> Mono.justOrEmpty(all.stream().filter(c -> c.name().equals(name)).findFirst()));
    }

    /**
     * A pooled connection to the database {@code name} (a cluster name, {@code default} for the platform's own) for
     * work that belongs to no tenant: the platform's own pool for {@code default}, any of a cluster's tenant groups.
     */
    Mono<Connection> connection(String name) {
        return Tenant.DEFAULT_DATABASE.equals(name) ? Mono.from(platformPool.create()) : tapped(groups(name).flatMap(ConnectionGroups::anyConnection));
    }

    /**
     * A pooled connection to the database {@code name} for tenant {@code code}'s work: from the tenant's own
     * {@link ConnectionGroups group} of that database's tenant connections ({@code cong.clusters.pool-max-size} in
     * {@code cong.clusters.connection-groups} groups, the platform's own database included), so that the
     * connection is likely to hold the tenant's statements already.
     */
    Mono<Connection> connection(String name, String code) {
        ConnectionGroups ready = pools.get(name);
        return tapped(ready != null ? ready.connection(code) : groups(name).flatMap(g -> g.connection(code)));
    }

    private Mono<Connection> tapped(Mono<Connection> connection) {
        return tap == null ? connection : connection.map(tap::tap);
    }

    private Mono<ConnectionGroups> groups(String name) {
        ConnectionGroups ready = pools.get(name);
        if (ready != null) {
            return Mono.just(ready);
        }
        Mono<Cluster> cluster = Tenant.DEFAULT_DATABASE.equals(name)
                ? Mono.just(new Cluster(name, null, null, null, null, name, true))
                : find(name).switchIfEmpty(Mono.error(() -> new IllegalStateException("Unknown database cluster " + name)));
        return cluster.map(c -> pools.computeIfAbsent(name, n -> measured(n, newGroups(c))));
    }

    /**
     * {@code groups} with their counters on {@code /prometheus}: {@code cong.tenant.connections} by database and state
     * (in-use, open, allowed, waiting: summed over the groups) and {@code cong.tenant.connections.borrowed} (tenants served
     * from another group than their own: when it climbs steadily the database needs more connections).
     */
    private ConnectionGroups measured(String database, ConnectionGroups groups) {
        if (meters == null) {
            return groups;
        }
        Map<String, ToIntFunction<PoolMetrics>> states = Map.of("in-use", PoolMetrics::acquiredSize,
                "open", PoolMetrics::allocatedSize, "allowed", PoolMetrics::getMaxAllocatedSize, "waiting", PoolMetrics::pendingAcquireSize);
        states.forEach((state, counter) -> Gauge.builder("cong.tenant.connections", groups, g -> g.total(counter))
                .description("Tenant connections of a node to a database, by state").tag("database", database).tag("state", state)
                .register(meters));
        FunctionCounter.builder("cong.tenant.connections.borrowed", groups, ConnectionGroups::borrowed)
                .description("Tenant work served from another connection group than the tenant's own").tag("database", database)
                .register(meters);
        return groups;
    }

    /** The tenant connection groups of database {@code name} as they are now (tests); empty before its first tenant was served. */
    Optional<List<PoolMetrics>> groupMetrics(String name) {
        return Optional.ofNullable(pools.get(name)).map(ConnectionGroups::metrics);
    }

    /** Prepared statements a connection keeps (application.yml, r2dbc.datasources.default.options). */
    static final int PREPARED_STATEMENTS = 512;

    private ConnectionGroups newGroups(Cluster cluster) {
        DatabaseConfiguration where = jdbc(cluster);
        LOG.info("Opening tenant connections to database {} ({}:{}/{}): at most {} in {} groups, plan_cache_mode {}", cluster.name(),
                where.host(), where.port(), where.name(), config.poolMaxSize(), config.connectionGroups(), config.planCacheMode());
        return new ConnectionGroups(config.poolMaxSize(), config.connectionGroups(), size -> (ConnectionPool) ConnectionFactories.get(
                ConnectionFactoryOptions.builder()
                        .option(ConnectionFactoryOptions.DRIVER, "pool")
                        .option(ConnectionFactoryOptions.PROTOCOL, "postgresql")
                        .option(ConnectionFactoryOptions.HOST, where.host())
                        .option(ConnectionFactoryOptions.PORT, where.port())
                        .option(ConnectionFactoryOptions.DATABASE, where.name())
                        .option(ConnectionFactoryOptions.USER, where.user())
                        .option(ConnectionFactoryOptions.PASSWORD, where.password())
                        .option(Option.valueOf("initialSize"), 0)
                        .option(Option.valueOf("maxSize"), size)
                        .option(Option.valueOf("maxAcquireTime"), Duration.ofSeconds(5))
                        .option(Option.valueOf("maxIdleTime"), Duration.ofMinutes(10))
                        .option(Option.valueOf("acquireRetry"), size)
                        .option(Option.valueOf("preparedStatementCacheQueries"), PREPARED_STATEMENTS) // as application.yml's pool
                        .option(Option.valueOf("options"), Map.of("plan_cache_mode", config.planCacheMode()))
                        .build()));
    }

    /** The JDBC settings of database {@code name}, for Flyway, pg_dump and pg_restore. Blocking callers only. */
    public DatabaseConfiguration jdbc(String name) {
        if (Tenant.DEFAULT_DATABASE.equals(name)) {
            return db;
        }
        Cluster cluster = Optional.ofNullable(known.get(name)).orElseGet(() -> find(name).blockOptional()
                .orElseThrow(() -> new IllegalStateException("Unknown database cluster " + name)));
        return jdbc(cluster);
    }

    DatabaseConfiguration jdbc(Cluster cluster) {
        return cluster.isDefault() ? db
                : new DatabaseConfiguration(cluster.host(), cluster.port(), cluster.database(), cluster.user(), config.password(cluster.name()), true);
    }

    /**
     * Registers a cluster (name, {@code user@host:port/database}); emits it. Refused with a message when the name
     * or the address is taken or malformed. Does not connect: {@link ClusterLinks#prepare} does, before first use.
     */
    public Mono<Cluster> add(String name, String address, String label, boolean acceptsNew) {
        Matcher m = ADDRESS.matcher(address == null ? "" : address.strip());
        if (name == null || !name.matches("^[a-z][a-z0-9_]{0,30}$") || Tenant.DEFAULT_DATABASE.equals(name)) {
            return Mono.error(new IllegalArgumentException("Tên cụm phải gồm chữ thường, số, gạch dưới, bắt đầu bằng chữ (không dùng «default»)."));
        }
        if (!m.matches() || Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 65535) {
            return Mono.error(new IllegalArgumentException("Địa chỉ phải có dạng người_dùng@máy:cổng/tên_cơ_sở_dữ_liệu, ví dụ postgres@10.0.0.12:5432/cong_c2."));
        }
        String text = label == null || label.isBlank() ? name : label.strip();
        return platform.mono(c -> c.one("""
                        INSERT INTO platform.database_clusters (name, host, port, database_name, user_name, label, accepts_new)
                        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING name""", r -> r.get(0, String.class),
                        name, m.group(2), Integer.parseInt(m.group(3)), m.group(4), m.group(1), text, acceptsNew))
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("Đã có cụm tên «" + name + "» hoặc cụm cùng địa chỉ " + address + ".")))
                .then(list())
                .map(all -> all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
    }

    /** Registers the clusters of {@code cong.clusters.declared} that are not there yet (start-up). */
    public Mono<Void> registerDeclared() {
        return Flux.fromIterable(config.declared().entrySet())
                .concatMap(e -> find(e.getKey()).hasElement().flatMap(present -> present ? Mono.empty()
                        : add(e.getKey(), e.getValue(), e.getKey(), true)
                                .doOnNext(c -> LOG.info("Database cluster {} registered from configuration ({})", c.name(), e.getValue()))
                                .onErrorResume(error -> {
                                    LOG.error("Database cluster {} from configuration not registered: {}", e.getKey(), error.getMessage());
                                    return Mono.empty();
                                })))
                .then();
    }

    /** Whether the cluster answers now (a JDBC connection within a few seconds). Blocking. */
    public boolean answers(String name) {
        try (var c = jdbc(name).openJdbc("postgres")) {
            return c.isValid(3);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        pools.values().forEach(groups -> groups.close(Duration.ofSeconds(5)));
        pools.clear();
    }
}
