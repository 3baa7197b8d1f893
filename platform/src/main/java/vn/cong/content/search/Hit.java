package vn.cong.content.search;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;

/**
 * One search result before it is shown: which item, its title and address parts, when it was published,
 * and its score (full-text rank or similarity, times the recency decay).
 */
public record Hit(String kind, long itemId, String title, String slug, @Nullable String page,
                  OffsetDateTime publishedAt, double score) {
}
