package vn.cong.system;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The platform's one Redis connection, opened lazily and re-tried on demand. Micronaut's own Redis
 * beans connect while they are being created, so a Redis outage at start-up would keep the whole
 * node (public pages included) from starting; here an outage only fails the calls that need Redis,
 * quickly, with {@link RedisUnavailableException}. Every key goes under {@code cong.redis.prefix}.
 */
@Singleton
public class RedisConnector {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);
    private static final long RETRY_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final RedisClient client;
    private final RedisURI uri;
    private final String prefix;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection = new AtomicReference<>();
    private volatile long lastAttempt;
    private final Map<String, CompletableFuture<StatefulRedisPubSubConnection<String, String>>> listening = new ConcurrentHashMap<>();

    public RedisConnector(RedisClient client, @Primary AbstractRedisConfiguration config,
                          @Value("${cong.redis.prefix:cong:}") String prefix) {
        this.client = client;
        // redis.uri lands in getUri(); the configuration object itself only carries host/port defaults
        this.uri = config.getUri().orElse(config);
        this.prefix = prefix;
        this.timeout = config.getTimeout() == null || config.getTimeout().isZero() ? Duration.ofSeconds(2) : config.getTimeout();
    }

    /** Connects in the background at start-up so the first staff request does not pay for it. */
    @EventListener
    void onStartup(StartupEvent event) {
        connect();
    }

    /** The full key for {@code suffix}, under this deployment's prefix. */
    public String key(String suffix) {
        return prefix + suffix;
    }

    /** Runs one unit of Redis work with the configured timeout; any failure becomes {@link RedisUnavailableException}. */
    public <T> Mono<T> run(Function<RedisReactiveCommands<String, String>, Mono<T>> work) {
        return Mono.fromFuture(this::connect)
                .flatMap(c -> work.apply(c.reactive()))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof RedisUnavailableException), RedisUnavailableException::new);
    }

    /**
     * True when Redis is known to be unreachable right now: the last connection attempt failed (a new
     * one is started, at most once a second) or the established connection is down and reconnecting.
     * False while the first attempt is still under way.
     */
    public boolean isKnownDown() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current == null) {
            connect();
            return false;
        }
        if (!current.isDone()) {
            return false;
        }
        if (current.isCompletedExceptionally()) {
            if (System.nanoTime() - lastAttempt > RETRY_INTERVAL_NANOS) {
                connect();
            }
            return true;
        }
        return !current.join().isOpen();
    }

    /**
     * Listens on channel {@code suffix} (under the prefix) on a connection of its own; one listener per channel. Lettuce
     * subscribes again by itself after Redis comes back; a first attempt that fails (Redis down at
     * start-up) fails the returned Mono, and calling again later tries again. Emits once subscribed.
     */
    public Mono<Void> listen(String suffix, Consumer<String> onMessage) {
        String channel = key(suffix);
        CompletableFuture<StatefulRedisPubSubConnection<String, String>> next = new CompletableFuture<>();
        CompletableFuture<StatefulRedisPubSubConnection<String, String>> current = listening.compute(channel,
                (k, old) -> old == null || old.isCompletedExceptionally() ? next : old);
        if (current != next) {
            return Mono.fromFuture(current).then();
        }
        client.connectPubSubAsync(StringCodec.UTF8, uri)
                .thenCompose(c -> {
                    c.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String from, String message) {
                            if (channel.equals(from)) {
                                onMessage.accept(message);
                            }
                        }
                    });
                    return c.async().subscribe(channel).thenApply(ok -> c);
                })
                .whenComplete((c, e) -> {
                    if (e != null) {
                        next.completeExceptionally(e);
                    } else {
                        next.complete(c);
                    }
                });
        return Mono.fromFuture(next).timeout(timeout).then().onErrorMap(RedisUnavailableException::new);
    }

    private CompletableFuture<StatefulRedisConnection<String, String>> connect() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current != null && !current.isCompletedExceptionally()) {
            // once established, Lettuce reconnects by itself after an outage
            return current;
        }
        CompletableFuture<StatefulRedisConnection<String, String>> next = new CompletableFuture<>();
        if (!connection.compareAndSet(current, next)) {
            return connection.get();
        }
        lastAttempt = System.nanoTime();
        client.connectAsync(StringCodec.UTF8, uri).whenComplete((c, e) -> {
            if (e != null) {
                LOG.warn("Redis at {}:{} is unavailable: {}", uri.getHost(), uri.getPort(), e.getMessage());
                next.completeExceptionally(e);
            } else {
                next.complete(c);
            }
        });
        return next;
    }

    @PreDestroy
    void close() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
        listening.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).forEach(f -> f.join().close());
    }
}
