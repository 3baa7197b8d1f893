package vn.cong.content;

import io.micronaut.core.annotation.Nullable;

/**
 * What an editor saves. {@code id} null creates a new item; otherwise {@code expectedVersion} is the
 * version the editor started from, and a save over a newer version is refused (optimistic lock).
 */
public record Draft(@Nullable Long id, int expectedVersion, String kind, @Nullable Long sectionId, String language,
                    String slug, String title, String summary, String bodyHtml, @Nullable String coverUrl,
                    @Nullable String coverAlt, @Nullable String source, boolean featured, @Nullable Long actorId) {

    /** A new article. */
    public static Draft article(@Nullable Long sectionId, String language, String slug, String title, String summary,
                                String bodyHtml, @Nullable Long actorId) {
        return new Draft(null, 0, "article", sectionId, language, slug, title, summary, bodyHtml, null, null, null, false, actorId);
    }

    /** The same draft as an edit of item {@code id} at version {@code expectedVersion}. */
    public Draft editing(long id, int expectedVersion) {
        return new Draft(id, expectedVersion, kind, sectionId, language, slug, title, summary, bodyHtml, coverUrl, coverAlt,
                source, featured, actorId);
    }
}
