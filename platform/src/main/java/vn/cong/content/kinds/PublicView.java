package vn.cong.content.kinds;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.attachments.Attachment;

import java.util.List;
import java.util.Map;

/**
 * What a content kind's public pages show, ready to place: a kind builds these from its rows, and the
 * theme's one list template ({@code kind-list}) and one item template ({@code kind-item}) draw every
 * kind from them. Labels are keys of the theme's texts ({@code documents.number}); values are shown as
 * given (already formatted for the reader's language and Vietnam time).
 */
public final class PublicView {

    private PublicView() {
    }

    /** How a public list shows its items: a table (one row each) or cards (title, badge, times, summary). */
    public enum Layout { TABLE, CARDS }

    /**
     * How a kind's public list is presented: the prefix of its texts ({@code documents} for
     * {@code documents.heading}, {@code .count}, {@code .empty}), its layout, the table's class and
     * column headers (keys), and whether it says how many items match.
     */
    public record ListStyle(String messages, Layout layout, String tableClass, List<String> columns, boolean counted) {
    }

    /**
     * A public list's parameters as read from its address: {@code query} is their canonical form without
     * the page ({@code ""} or {@code ?a=b&c=d}), which is also the cache key; {@code acrossLanguages}
     * whether the language switch keeps them; {@code filter} what the kind reads from them.
     */
    public record ListQuery(String query, boolean acrossLanguages, Object filter) {
    }

    /** A choice of a filter; {@code labelKey}, when given, names a text shown before {@code label} ("Mức độ" 3). */
    public record Choice(String value, String label, boolean selected, @Nullable String labelKey) {

        public Choice(String value, String label, boolean selected) {
            this(value, label, selected, null);
        }
    }

    /**
     * A status shown as a badge; {@code slug} picks its colour ({@code status-<slug>}), null for the plain one;
     * {@code labelKey}, when given, names a text shown before {@code text}.
     */
    public record Badge(String text, @Nullable String slug, @Nullable String labelKey) {

        public Badge(String text, @Nullable String slug) {
            this(text, slug, null);
        }
    }

    /** A cell of a table row: text, linked when {@code url} is given, with a line of {@code meta}, or a badge. */
    public record Cell(String text, @Nullable String url, @Nullable String meta, @Nullable Badge badge, @Nullable String cssClass) {

        public static Cell text(String text) {
            return new Cell(text, null, null, null, null);
        }
    }

    /** A moment shown to readers: {@code shown} as they read it, {@code iso} for {@code <time datetime>}. */
    public record Time(String shown, String iso) {
    }

    /**
     * One item of a public list. A table shows {@code title} linked, then {@code cells}; a card shows
     * {@code title} linked, the badge, {@code timesKey}'s label with the times, and the summary.
     */
    public record Row(String url, String title, List<Cell> cells, String summary, @Nullable Badge badge, @Nullable String timesKey,
                      List<Time> times) {
    }

    /** A page of a public list: how many items match, those of the page, each filter's choices by its parameter. */
    public record Listing(long total, List<Row> rows, Map<String, List<Choice>> choices, boolean filtered) {
    }

    /** A line of an item's facts table: a label (key) and a value, linked when {@code url} is given, a time when {@code iso} is. */
    public record Fact(String labelKey, String text, @Nullable String url, @Nullable String iso) {

        public static Fact of(String labelKey, String text) {
            return new Fact(labelKey, text, null, null);
        }
    }

    /**
     * An item's facts table with its caption; when {@code sectionId} is given it stands in a section of its
     * own with a heading, a lead sentence and a closing note (keys).
     */
    public record Facts(@Nullable String sectionId, @Nullable String sectionClass, @Nullable String headingKey, @Nullable String leadKey,
                        String captionKey, List<Fact> rows, @Nullable String noteKey) {

        public static Facts table(String captionKey, List<Fact> rows) {
            return new Facts(null, null, null, null, captionKey, rows, null);
        }
    }

    /** A line above the facts pointing elsewhere (the document that replaces this one). */
    public record Notice(String labelKey, String text, @Nullable String url) {
    }

    /** The item's main action for the reader (apply online), a button. */
    public record Action(String url, String labelKey) {
    }

    /** A section of plain text kept as typed, line by line. */
    public record TextSection(String id, String headingKey, String text) {
    }

    /** One item's public page. */
    public record Item(String pageTitle, @Nullable String kicker, String title, @Nullable Badge badge, @Nullable Notice notice,
                       @Nullable Action action, @Nullable Facts facts, @Nullable TextSection section, String summary, String bodyHtml,
                       List<Attachment> attachments) {
    }
}
