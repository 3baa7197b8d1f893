package vn.cong.site;

import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One render per page at a time: requests for a page that is being rendered wait for that render and share its result,
 * so a page that misses the cache while many readers ask for it (a publication on a busy portal) renders once, not once
 * per reader. Off ({@code cong.site.share-renders: false}) only to measure what a render costs: with the page cache off
 * and a benchmark asking for a few pages over many connections, sharing answers most requests without rendering.
 */
final class SharedRenders {

    private final boolean sharing;
    private final Map<String, Mono<CachedPage>> inFlight = new ConcurrentHashMap<>();

    SharedRenders(boolean sharing) {
        this.sharing = sharing;
    }

    Mono<CachedPage> once(String key, Supplier<Mono<CachedPage>> load) {
        if (!sharing) {
            return Mono.defer(load);
        }
        return inFlight.computeIfAbsent(key, x -> Mono.defer(load).doFinally(signal -> inFlight.remove(key)).cache());
    }
}
