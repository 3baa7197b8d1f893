package vn.cong.site;

import io.micronaut.core.annotation.Nullable;

/**
 * An article in a list: home blocks, section pages, related news. Times are shown in Vietnam's time zone.
 * {@code coverFocus} names the classes that keep the cover's focal point in view where the card crops it.
 */
public record ArticleCard(String title, String url, String summary, @Nullable String coverUrl, @Nullable String coverAlt,
                          String publishedText, String publishedIso, @Nullable String sectionTitle,
                          @Nullable String sectionUrl, @Nullable String coverFocus) {
}
