package vn.cong.content.kinds;

import java.util.List;
import java.util.Set;

/**
 * Everything the platform needs to know about a content kind, declared once next to its content
 * package: what it is called, where staff edit it and the public read it, its staff menu entry and who
 * sees it, its form, its staff list's columns, its public list's filters, the fields search reads, the
 * deadline it runs against. The generic staff and public screens are drawn from this; what a kind
 * cannot say here (how its rows are read and saved) it says in its {@link ContentKind}.
 *
 * @param kind       the {@code content_items.kind} value, e.g. {@code document}
 * @param name       what staff call it, e.g. "Văn bản" (titles, breadcrumbs, "not found")
 * @param one        one item in running text, lower case, e.g. "văn bản" ("Thêm văn bản")
 * @param caption    what the staff list's caption counts, e.g. "Văn bản" ("Văn bản của …")
 * @param staffPath  the staff list's address, e.g. {@code /quan-tri/van-ban}; items at {@code staffPath/<id>}
 * @param publicPath the public list's address in Vietnamese, e.g. {@code /van-ban} ({@code /en/van-ban} in English)
 * @param menu       the staff menu entry
 * @param form       the staff form's fields, in order (the shared item fields among them)
 * @param heading    the fields whose values, joined by " – ", head an item's edit page
 * @param columns    the staff list's columns; the first holds the link to the item, the state follows the last
 * @param links      further staff screens of the kind, linked from its list (its settings, say)
 * @param filters    the public list's filters, in the order of its query string
 * @param list       how the public list is presented (texts, table or cards, columns)
 * @param searchable the fields search reads, most telling first
 * @param deadline   the deadline an item runs against in the workflow
 */
public record KindDeclaration(String kind, String name, String one, String caption, String staffPath, String publicPath,
                              MenuEntry menu, List<KindField> form, List<String> heading, List<Column> columns, List<Link> links,
                              List<Filter> filters, PublicView.ListStyle list, List<String> searchable,
                              KindDeadline deadline) {

    /**
     * The kind's entry in the staff menu's "Nội dung" group: its place, its label, and the roles that
     * see it and open the kind's screens (role codes as stored, e.g. {@code editor}; none for all staff).
     */
    public record MenuEntry(int order, String label, Set<String> roles) {
    }

    /** A column of the staff list: its header; the row ({@link ContentKind.Row}) gives the cell. */
    public record Column(String label) {
    }

    /** A further staff screen of the kind, at {@code staffPath + path}. */
    public record Link(String label, String path) {
    }

    /**
     * A filter of the public list: its query parameter (e.g. {@code loai}), the id of its drop-down and
     * the message key of its label in the theme's texts.
     */
    public record Filter(String parameter, String id, String labelKey) {
    }

    public KindField field(String fieldName) {
        return form.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind + " has no field " + fieldName));
    }

    /** The address of the public page of an item in {@code language} at {@code slug}. */
    public String publicUrl(String language, String slug) {
        return publicList(language) + "/" + slug;
    }

    /** The address of the public list in {@code language}. */
    public String publicList(String language) {
        return ("en".equals(language) ? "/en" : "") + publicPath;
    }
}
