package vn.cong.site.kinds;

import vn.cong.site.PageLink;
import vn.cong.site.Pagination;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/** What the kinds' public list pages share: reading query values, page links, dates as readers write them. */
final class ListPages {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final Pattern PAGE = Pattern.compile("^[1-9][0-9]{0,4}$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ListPages() {
    }

    static boolean isSlug(String s) {
        return s.length() <= 200 && SLUG.matcher(s).matches();
    }

    /** A free-text filter value (an issuer, a unit): NFC, at most 200 characters, no control characters; null when absent or unusable. */
    static String text(String value) {
        if (value == null || value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** First, last, and two pages either side of the current one. */
    static Pagination pagination(int page, int totalPages, IntFunction<String> url) {
        List<PageLink> links = new ArrayList<>();
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - page) <= 2) {
                links.add(new PageLink(n, url.apply(n), n == page));
            }
        }
        return new Pagination(page, totalPages, page > 1 ? url.apply(page - 1) : null, page < totalPages ? url.apply(page + 1) : null, links);
    }

    /** {@code ?k1=v1&k2=v2} in the order given, leaving out null values ({@code ""} when all are null); values URL-encoded. */
    static String query(String... keysAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                parts.add(keysAndValues[i] + "=" + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    static String day(LocalDate date) {
        return date == null ? null : date.format(DAY);
    }
}
