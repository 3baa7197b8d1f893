package vn.cong.site;

import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * A public page a request names, before anything is read: its canonical path (the cache key's path)
 * and how to build it. {@code build} gives nothing when there is no such page (404).
 */
public record PublicPage(String canonicalPath, Function<SiteContext, Mono<PageView>> build) {

    /** This item page's print view at {@code <its path>/in} ({@link PageView#printed(String)}). */
    public PublicPage printed() {
        return new PublicPage(canonicalPath + "/in", ctx -> build.apply(ctx).map(view -> view.printed(canonicalPath)));
    }
}
