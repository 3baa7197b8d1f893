package vn.cong.content.kinds;

import io.micronaut.core.annotation.Nullable;
import vn.cong.system.VietnamTime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading the public lists' query values and writing values as readers see them; for the kinds' public pages. */
public final class PublicValues {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private PublicValues() {
    }

    public static boolean isSlug(String s) {
        return s.length() <= 200 && SLUG.matcher(s).matches();
    }

    /** Whether a query value was given (present and not empty). */
    public static boolean given(@Nullable String value) {
        return value != null && !value.isEmpty();
    }

    /** A free-text filter value (an issuer, a unit): NFC, at most 200 characters, no control characters; null when absent or unusable. */
    @Nullable
    public static String text(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** {@code ?k1=v1&k2=v2} in the order given, leaving out null values ({@code ""} when all are null); values URL-encoded. */
    public static String query(String... keysAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                parts.add(keysAndValues[i] + "=" + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    @Nullable
    public static String day(@Nullable LocalDate date) {
        return date == null ? null : date.format(DAY);
    }

    /** A moment in Vietnam time as readers read it and as {@code <time datetime>} carries it. */
    public static PublicView.Time time(OffsetDateTime time) {
        return new PublicView.Time(time.atZoneSameInstant(VietnamTime.ZONE).format(SHOWN),
                time.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
