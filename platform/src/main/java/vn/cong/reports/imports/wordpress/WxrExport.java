package vn.cong.reports.imports.wordpress;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a WordPress export file (WXR, "WordPress eXtended RSS", versions 1.0 to 1.2) holds, as read: the site, its
 * authors and categories, and its entries (posts, pages, attachments and the rest), each with the line it starts on.
 */
record WxrExport(String version, String siteUrl, String title, List<Author> authors, List<Category> categories, List<Entry> entries) {

    /** {@code <wp:author>}: the login the entries name in {@code <dc:creator>}. */
    record Author(int line, String login, String email, String displayName) {
    }

    /** {@code <wp:category>}: {@code slug} is the decoded nicename, {@code parentSlug} empty at the top. */
    record Category(int line, long termId, String slug, String name, String parentSlug) {
    }

    /**
     * {@code <item>}. {@code type} is WordPress's post type (post, page, attachment, nav_menu_item, …), {@code status} its
     * status (publish, draft, pending, private, future, trash, inherit). {@code date} is the entry's time (from the GMT
     * field, or the local one read as Vietnam time when WordPress left the GMT one empty, as it does for drafts).
     * {@code categories} are the slugs of its categories, {@code meta} its post meta.
     */
    record Entry(int line, long id, String type, String status, String title, String link, String slug, String creator,
                 String content, String excerpt, @Nullable OffsetDateTime date, long parentId, @Nullable String attachmentUrl,
                 List<String> categories, Map<String, String> meta) {

        String metaValue(String key) {
            String v = meta.get(key);
            return v == null ? "" : v.strip();
        }
    }
}
