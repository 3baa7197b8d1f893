package vn.cong.admin.content;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/**
 * Which content list is shown: its address and heading, the kinds it lists (the kind filter is offered when
 * there are several) and its "new" button.
 */
public record ContentListing(String path, String heading, Set<String> kinds, @Nullable String newHref, @Nullable String newLabel) {

    public static final String ALL = "/quan-tri/noi-dung";
    public static final String ARTICLES = "/quan-tri/bai-viet";

    public ContentListing {
        kinds = Set.copyOf(kinds);
    }

    public static ContentListing articles() {
        return new ContentListing(ARTICLES, "Bài viết", Set.of("article"), ARTICLES + "/moi", "Viết bài mới");
    }

    public static ContentListing all(Set<String> kinds) {
        return new ContentListing(ALL, "Tất cả nội dung", kinds, null, null);
    }

    public boolean severalKinds() {
        return kinds.size() > 1;
    }
}
