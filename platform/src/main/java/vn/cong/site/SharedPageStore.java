package vn.cong.site;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rendered pages shared between nodes through Redis (keys {@code <cong.redis.prefix>page:<key>}).
 * Never in the way: short timeouts, commands rejected at once while disconnected, a circuit that
 * skips Redis for a while after a failure. A failure is a cache miss, never a failed page.
 */
@Singleton
class SharedPageStore {

    private final RedisClient client;
    private final RedisURI uri;
    private final String prefix;
    private final SiteConfiguration config;
    private final SpreadTtl ttl;
    private final RedisCircuit circuit;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>> connection = new AtomicReference<>();

    SharedPageStore(RedisClient platformClient, @Value("${redis.uri}") String redisUri,
                    @Value("${cong.redis.prefix:cong:}") String prefix, SiteConfiguration config) {
        this.config = config;
        this.ttl = new SpreadTtl(config.pageTtl());
        this.prefix = prefix + "page:";
        this.circuit = new RedisCircuit(config.redisRetryInterval());
        this.uri = RedisURI.create(redisUri);
        this.uri.setTimeout(config.redisTimeout());
        // own client on the platform client's threads: its options must not change the session store's
        this.client = RedisClient.create(platformClient.getResources(), uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.redisTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(config.redisTimeout().multipliedBy(2)).build())
                .build());
    }

    Mono<CachedPage> get(PageKey key) {
        if (!config.sharedCache() || !circuit.allowRequest()) {
            return Mono.empty();
        }
        return connection()
                .flatMap(c -> Mono.fromCompletionStage(c.async().get(redisKey(key))))
                .timeout(config.redisTimeout())
                .doOnSuccess(found -> circuit.succeeded())
                .mapNotNull(CachedPage::decode)
                .onErrorResume(e -> {
                    circuit.failed(e);
                    return Mono.empty();
                });
    }

    void put(PageKey key, CachedPage page) {
        if (!config.sharedCache() || !circuit.allowRequest()) {
            return;
        }
        byte[] value = page.encode();
        connection()
                .flatMap(c -> Mono.fromCompletionStage(c.async().set(redisKey(key), value, SetArgs.Builder.px(ttl.nextMillis()))))
                .timeout(config.redisTimeout())
                .subscribe(ok -> circuit.succeeded(), circuit::failed);
    }

    /**
     * Keeps the shared copies of these tenants' pages (any version, theme, language) for at least {@code atLeast} from now:
     * one pass over the page keys ({@code SCAN}, a thousand at a time), each key of theirs given the longer time
     * ({@code PEXPIRE … GT}). Emits how many were kept; a Redis failure ends the pass early (pages then live as usual).
     */
    Mono<Long> keep(java.util.Set<String> tenantCodes, Duration atLeast) {
        if (!config.sharedCache() || tenantCodes.isEmpty()) {
            return Mono.just(0L);
        }
        return connection().publishOn(reactor.core.scheduler.Schedulers.boundedElastic()).map(c -> { // blocking commands: never on Redis's threads
            var redis = c.sync();
            io.lettuce.core.ScanArgs matching = io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(1000);
            io.lettuce.core.ExpireArgs longer = io.lettuce.core.ExpireArgs.Builder.gt();
            long kept = 0;
            io.lettuce.core.KeyScanCursor<byte[]> keys = redis.scan(matching);
            while (true) {
                for (byte[] key : keys.getKeys()) {
                    String name = new String(key, StandardCharsets.UTF_8);
                    int bar = name.indexOf('|', prefix.length());
                    if (bar > 0 && tenantCodes.contains(name.substring(prefix.length(), bar))
                            && Boolean.TRUE.equals(redis.pexpire(key, atLeast.toMillis(), longer))) {
                        kept++;
                    }
                }
                if (keys.isFinished()) {
                    return kept;
                }
                keys = redis.scan(keys, matching);
            }
        });
    }

    boolean circuitOpen() {
        return circuit.isOpen();
    }

    private byte[] redisKey(PageKey key) {
        return (prefix + key.value()).getBytes(StandardCharsets.UTF_8);
    }

    /** One connection, opened on first use and again after a failed attempt. */
    private Mono<StatefulRedisConnection<byte[], byte[]>> connection() {
        CompletableFuture<StatefulRedisConnection<byte[], byte[]>> current = connection.get();
        if (current == null || current.isCompletedExceptionally()) {
            var fresh = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
            if (connection.compareAndSet(current, fresh)) {
                current = fresh;
            } else {
                fresh.thenAccept(StatefulRedisConnection::close);
                current = connection.get();
            }
        }
        return Mono.fromFuture(current, true);
    }

    /** Closes this store's connection; the threads belong to the platform's Redis client. */
    @PreDestroy
    void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
