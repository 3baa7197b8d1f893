package vn.cong.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * Rendered public pages: an in-process near cache (Caffeine, bounded by bytes) in front of Redis,
 * which nodes share. Keys carry the tenant's content version, so entries of an older version are
 * simply never asked for again and age out. A page's time to live counts from its rendering, on whichever node:
 * a copy taken from Redis into this node's memory lives only what is left of it (before, a copy started a fresh
 * {@code page-ttl} and a page could be served up to about twice that after it was rendered).
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
                .expireAfter(new SpreadTtl(config.pageTtl()).<String, CachedPage>expiry(CachedPage::renderedAt)) // filled together, not expired together
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

    /** How long this node keeps its copy of the page from now (tests): empty when it has none. */
    java.util.Optional<java.time.Duration> nearTimeToLive(PageKey key) {
        return near.policy().expireVariably().flatMap(p -> p.getExpiresAfter(key.value())).filter(d -> near.getIfPresent(key.value()) != null);
    }

    /** Forgets this node's copies (tests, and operators after changing templates on a running node). */
    public void clearNear() {
        near.invalidateAll();
    }
}
