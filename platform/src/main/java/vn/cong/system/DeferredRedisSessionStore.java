package vn.cong.system;

import io.micronaut.configuration.lettuce.session.RedisHttpSessionConfiguration;
import io.micronaut.configuration.lettuce.session.RedisSessionStore;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.serialize.ObjectSerializer;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.session.Session;
import io.micronaut.session.SessionIdGenerator;
import io.micronaut.session.SessionStore;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Micronaut's Redis session store, connected when first needed instead of when the application
 * starts. The original connects in its constructor, and it is built at start-up (the request binders
 * need it): with Redis down the whole platform would refuse to start, public pages included. Staff
 * sessions need Redis; public pages never do. While Redis is down, session operations fail fast and
 * a new connection is tried at most every few seconds.
 */
@Singleton
@Primary
@Replaces(RedisSessionStore.class)
@Requires(property = RedisSessionStore.REDIS_SESSION_ENABLED, value = "true")
@SuppressWarnings({"rawtypes", "unchecked"})
public class DeferredRedisSessionStore implements SessionStore<Session>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredRedisSessionStore.class);
    private static final long RETRY_NANOS = Duration.ofSeconds(5).toNanos();

    private final SessionIdGenerator ids;
    private final RedisHttpSessionConfiguration configuration;
    private final BeanLocator beans;
    private final ObjectSerializer serializer;
    private final ConversionService conversion;
    private final ExecutorService scheduled;
    private final ApplicationEventPublisher events;
    private final ExecutorService blocking;
    private volatile RedisSessionStore delegate;
    private volatile long nextAttempt = System.nanoTime();

    public DeferredRedisSessionStore(SessionIdGenerator ids, RedisHttpSessionConfiguration configuration, BeanLocator beans,
                                     ObjectSerializer serializer, ConversionService conversion,
                                     @Named(TaskExecutors.SCHEDULED) ExecutorService scheduled, ApplicationEventPublisher events,
                                     @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.ids = ids;
        this.configuration = configuration;
        this.beans = beans;
        this.serializer = serializer;
        this.conversion = conversion;
        this.scheduled = scheduled;
        this.events = events;
        this.blocking = blocking;
    }

    /** Connects in the background at start-up, so the first staff request normally finds the store ready. */
    @EventListener
    void onStartup(StartupEvent event) {
        blocking.execute(() -> {
            try {
                store();
            } catch (RuntimeException e) {
                // already logged; staff requests will try again
            }
        });
    }

    private RedisSessionStore store() {
        RedisSessionStore store = delegate;
        if (store != null) {
            return store;
        }
        synchronized (this) {
            if (delegate == null) {
                if (System.nanoTime() - nextAttempt < 0) {
                    throw new IllegalStateException("Redis session store unavailable");
                }
                try {
                    delegate = new RedisSessionStore(ids, configuration, beans, serializer, conversion, scheduled, events);
                    LOG.info("Redis session store connected");
                } catch (RuntimeException e) {
                    nextAttempt = System.nanoTime() + RETRY_NANOS;
                    LOG.warn("Redis session store unavailable ({}); staff sign-in fails until Redis answers", e.toString());
                    throw e;
                }
            }
            return delegate;
        }
    }

    @Override
    public Session newSession() {
        return store().newSession();
    }

    @Override
    public CompletableFuture<Optional<Session>> findSession(String id) {
        try {
            return (CompletableFuture) store().findSession(id);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Boolean> deleteSession(String id) {
        try {
            return store().deleteSession(id);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Session> save(Session session) {
        try {
            return (CompletableFuture) ((SessionStore) store()).save(session);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        RedisSessionStore store = delegate;
        if (store != null) {
            store.close();
        }
    }
}
