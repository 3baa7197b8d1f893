package vn.cong.site.kinds;

import reactor.core.publisher.Mono;
import vn.cong.site.SiteContext;

import java.util.Map;

/**
 * What a feature adds to the public page of an item of one content kind, below the item (the comment form and the
 * comments under a draft for consultation): entries of the page's model, drawn by the theme's {@code kind-item}.
 * Each bean names its kind; the page is cached like the item, so what it adds must change through a public change.
 */
public interface ItemPageAddition {

    /** The kind whose item pages this adds to ({@code consultation}). */
    String kind();

    /** Model entries for the published item at {@code slug} in {@code lang}; empty when there is nothing to add. */
    Mono<Map<String, Object>> model(SiteContext ctx, String lang, String slug);
}
