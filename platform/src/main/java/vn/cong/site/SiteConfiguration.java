package vn.cong.site;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Public pages and their cache.
 *
 * @param pageSize           articles per section page
 * @param pageTtl            how long a rendered page (and a tenant's menu) may be kept; publishing
 *                           refreshes at once through the content version, this only bounds changes
 *                           made without one (e.g. an item whose scheduled time arrives)
 * @param nearCacheBytes     in-process page cache size (plain + gzip bytes)
 * @param sharedCache        whether rendered pages are shared between nodes through Redis
 * @param redisTimeout       longest wait for Redis on a page request before rendering without it
 * @param redisRetryInterval after a Redis failure, how long pages skip Redis before one request probes it again
 * @param browserMaxAge      seconds browsers and proxies may keep a public page
 * @param shortcut           whether pages in this node's cache are answered before routing and filters
 *                           ({@link PageShortcut}); off, every request takes the full path
 * @param structureCacheSize tenant structures (sections, menu, theme values) kept, one per tenant and content version
 * @param shareRenders       whether concurrent requests for a page being rendered wait for that render
 *                           ({@link SharedRenders}); off only to measure the cost of a render
 */
@ConfigurationProperties("cong.site")
public record SiteConfiguration(
        @Bindable(defaultValue = "10") int pageSize,
        @Bindable(defaultValue = "5m") Duration pageTtl,
        @Bindable(defaultValue = "67108864") long nearCacheBytes,
        @Bindable(defaultValue = "true") boolean sharedCache,
        @Bindable(defaultValue = "250ms") Duration redisTimeout,
        @Bindable(defaultValue = "5s") Duration redisRetryInterval,
        @Bindable(defaultValue = "60") int browserMaxAge,
        @Bindable(defaultValue = "true") boolean shortcut,
        @Bindable(defaultValue = "20000") int structureCacheSize,
        @Bindable(defaultValue = "true") boolean shareRenders) {
}
