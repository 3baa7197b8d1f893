package vn.cong.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * Rendered public pages: an in-process near cache (Caffeine, bounded by bytes) in front of Redis,
 * which nodes share. Keys carry the tenant's content version, so entries of an older version are
 * simply never asked for again and age out.
 */
@Singleton
public class PageCache {

    private final Cache<String, CachedPage> near;
    private final SharedPageStore shared;

    PageCache(SiteConfiguration config, SharedPageStore shared) {
        this.shared = shared;
        this.near = Caffeine.newBuilder()
                .maximumWeight(config.nearCacheBytes())
                .weigher((String key, CachedPage page) -> page.weight())
                .expireAfter(new SpreadTtl(config.pageTtl()).<String, CachedPage>expiry()) // filled together, not expired together
                .build();
    }

    /** The page from this node's memory, without waiting: null when absent. */
    public CachedPage near(PageKey key) {
        return near.getIfPresent(key.value());
    }

    /** The page from this node or, failing that, from Redis (copied into this node); empty when neither has it. */
    public Mono<CachedPage> get(PageKey key) {
        CachedPage page = near(key);
        if (page != null) {
            return Mono.just(page);
        }
        return shared.get(key).doOnNext(found -> near.put(key.value(), found));
    }

    public void put(PageKey key, CachedPage page) {
        near.put(key.value(), page);
        shared.put(key, page);
    }

    /** Forgets this node's copies (tests, and operators after changing templates on a running node). */
    public void clearNear() {
        near.invalidateAll();
    }
}
