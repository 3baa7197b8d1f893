package vn.cong.ops.integrity;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between an item's published snapshot and its fields now, field by field. Long values
 * (an article body) are cut to a window around the first difference, so a report shows the change
 * rather than the first lines of both versions.
 */
final class PublicFieldDiff {

    /** The fingerprinted fields, in the order a report lists them (see content_public_fields). */
    static final List<String> FIELDS = List.of("title", "summary", "body_html", "source", "slug", "language",
            "section_id", "cover_url", "published_at", "details", "attachments");
    static final int SHOWN = 160;
    private static final int BEFORE_CHANGE = 40;

    private PublicFieldDiff() {
    }

    static List<FieldChange> between(Map<String, Object> published, Map<String, Object> now) {
        List<FieldChange> changes = new ArrayList<>();
        for (String field : FIELDS) {
            String before = text(published.get(field));
            String after = text(now.get(field));
            if (!Objects.equals(before, after)) {
                int from = before == null || after == null ? 0 : Math.max(0, firstDifference(before, after) - BEFORE_CHANGE);
                changes.add(new FieldChange(field, excerpt(before, from), excerpt(after, from)));
            }
        }
        return changes;
    }

    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    static String excerpt(@Nullable String value, int from) {
        if (value == null) {
            return null;
        }
        int start = Math.min(from, value.length());
        int end = Math.min(value.length(), start + SHOWN);
        return (start > 0 ? "…" : "") + value.substring(start, end) + (end < value.length() ? "…" : "");
    }
}
