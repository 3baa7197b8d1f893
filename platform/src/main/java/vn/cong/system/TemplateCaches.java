package vn.cong.system;

import org.thymeleaf.cache.StandardCacheManager;

/**
 * Thymeleaf's caches, sized for our templates. Its defaults (200 parsed templates and fragments, 500 parsed
 * expressions) are smaller than what the themes hold (over 800 distinct expressions), so with the defaults every
 * uncached page re-parsed expressions that had just been evicted. Both caches are bounded by entries, which are small.
 */
public final class TemplateCaches {

    private TemplateCaches() {
    }

    public static StandardCacheManager sized() {
        StandardCacheManager caches = new StandardCacheManager();
        caches.setTemplateCacheMaxSize(2_000);
        caches.setExpressionCacheMaxSize(20_000);
        return caches;
    }
}
