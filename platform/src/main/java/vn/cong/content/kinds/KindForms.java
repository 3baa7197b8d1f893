package vn.cong.content.kinds;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import vn.cong.content.Draft;
import vn.cong.content.Slugs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the content kinds' form fields: what the browser sends is text; a value that cannot be read is reported, never dropped. */
public final class KindForms {
    private static final DateTimeFormatter VN_DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private KindForms() {
    }

    public static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** The value of field {@code name} as posted, {@code ""} when absent. */
    public static String value(Map<String, String> values, String name) {
        return orEmpty(values.get(name));
    }

    /** The item every kind has (title, address, language, summary, text) from a form's values. */
    public static Draft draft(String kind, @Nullable Long id, Map<String, String> values, long actorId) {
        String language = values.get("language");
        return new Draft(id, version(values.get("version")), kind, null, language == null ? "vi" : language,
                slug(values.get("slug"), values.get("title")), value(values, "title"), value(values, "summary"), value(values, "body"),
                null, null, null, false, actorId);
    }

    /** The shared item fields' values of a loaded item, to which a kind adds its own. */
    public static Map<String, String> itemValues(int version, String title, String slug, String language, String summary, String bodyHtml) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("slug", slug);
        v.put("language", language);
        v.put("summary", summary);
        v.put("body", bodyHtml);
        v.put("version", String.valueOf(version));
        return v;
    }

    /** A day as a {@code date} input shows it. */
    public static String day(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** The address typed, or one made from the title. */
    public static String slug(@Nullable String slug, @Nullable String title) {
        return slug == null || slug.isBlank() ? Slugs.fromTitle(title) : slug.strip();
    }

    public static int version(@Nullable String version) {
        try {
            return version == null ? 0 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A date from {@code <input type=date>} (2026-12-01) or as Vietnamese write it (1/12/2026); empty is null; unreadable is noted in {@code unreadable}. */
    @Nullable
    public static LocalDate date(@Nullable String value, String field, Map<String, String> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, VN_DAY) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            unreadable.put(field, "Ngày «" + v + "» không đúng dạng ngày/tháng/năm, ví dụ 01/12/2026.");
            return null;
        }
    }

    /** A Vietnam time from {@code <input type=datetime-local>} (2026-12-01T08:00); empty is null. */
    @Nullable
    public static OffsetDateTime vietnamTime(@Nullable String value, String field, Map<String, String> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), LOCAL_INPUT).atZone(VietnamTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            unreadable.put(field, "Thời điểm «" + value.strip() + "» không đúng dạng, ví dụ 2026-12-01T08:00.");
            return null;
        }
    }

    /** The value a {@code datetime-local} input shows for a time, in Vietnam. */
    public static String vietnamInput(@Nullable OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(VietnamTime.ZONE).format(LOCAL_INPUT);
    }

    @Nullable
    public static Long id(@Nullable String value, String field, String message, Map<String, String> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            unreadable.put(field, message);
            return null;
        }
    }
}
