package vn.cong.site.seo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The sitemap of each portal.
 *
 * @param maxUrls addresses per sitemap file; above it {@code /sitemap.xml} is an index of
 *                {@code /sitemap-1.xml}, {@code /sitemap-2.xml}, … (the protocol's limit is 50,000)
 */
@ConfigurationProperties("cong.site.sitemap")
public record SitemapConfiguration(@Bindable(defaultValue = "50000") int maxUrls) {
}
