package vn.cong.subscriptions;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a subscription follows: a section (and the sections under it) or a kind of item. Its form value is
 * {@code section:<id>} or {@code kind:<code>}.
 */
public record Topic(@Nullable Long sectionId, @Nullable String kind) {

    private static final Pattern VALUE = Pattern.compile("^(section:[0-9]{1,18}|kind:[a-z][a-z0-9_-]{0,40})$");

    public static Topic section(long id) {
        return new Topic(id, null);
    }

    public static Topic kind(String kind) {
        return new Topic(null, kind);
    }

    public static Optional<Topic> parse(@Nullable String value) {
        if (value == null || !VALUE.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        String v = value.strip();
        return Optional.of(v.startsWith("section:") ? section(Long.parseLong(v.substring(8))) : kind(v.substring(5)));
    }

    public String value() {
        return sectionId != null ? "section:" + sectionId : "kind:" + kind;
    }
}
