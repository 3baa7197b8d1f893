package vn.cong.content.documents;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The public list's filters, as they stand in its query string ({@code ?loai=…&co-quan=…&nam=…&tinh-trang=…&trang=…}).
 * {@link #query(int)} writes them back in one fixed order, so that one list page has one cache key.
 */
public record DocumentFilter(@Nullable String typeCode, @Nullable String issuer, @Nullable Integer year,
                             @Nullable DocumentStatus status) {

    public static final DocumentFilter NONE = new DocumentFilter(null, null, null, null);

    public boolean isEmpty() {
        return typeCode == null && issuer == null && year == null && status == null;
    }

    /** The query string of page {@code page} of this filter ({@code ""} for the unfiltered first page). */
    public String query(int page) {
        List<String> parts = new ArrayList<>();
        if (typeCode != null) {
            parts.add("loai=" + encode(typeCode));
        }
        if (issuer != null) {
            parts.add("co-quan=" + encode(issuer));
        }
        if (year != null) {
            parts.add("nam=" + year);
        }
        if (status != null) {
            parts.add("tinh-trang=" + status.slug());
        }
        if (page > 1) {
            parts.add("trang=" + page);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
