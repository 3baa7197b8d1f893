package vn.cong.media;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offers the smaller copies made at upload ({@link ImageSizes}) to the pages that show a tenant's pictures: an
 * {@code <img>} of the tenant's own library gets {@code srcset} and {@code sizes} when it is rendered (the stored
 * text keeps only its address, so a replaced picture's copies are always the current ones). A picture replaced
 * under its address is named with {@code ?v=<tag>}, so a browser holding the old bytes fetches the new ones.
 */
@Singleton
public class ResponsiveImages {

    /** Rich text reaching a page was written by the sanitiser, which always quotes attributes with {@code "}. */
    private static final Pattern IMG_SRC = Pattern.compile("(<img\\b[^>]*?\\ssrc=\")/media/([0-9]{4}/[a-z0-9-]+\\.[a-z0-9]+)\"");
    /** The article column is at most about 60rem wide; below that an image fills the screen's width. */
    public static final String SIZES = "(max-width: 60rem) 100vw, 60rem";

    private final TenantDatabase db;

    ResponsiveImages(TenantDatabase db) {
        this.db = db;
    }

    /** How a page names one picture: its address (versioned once replaced) and its sizes, or no srcset when it has none. */
    public record Picture(String src, @Nullable String srcset) {
    }

    /** The pictures among {@code urls} that belong to the tenant's library, by the address given. */
    public Mono<Map<String, Picture>> pictures(Tenant tenant, Set<String> urls) {
        return libraryPaths(urls).isEmpty() ? Mono.just(Map.of()) : db.mono(tenant, c -> pictures(c, urls));
    }

    /** The same, on a transaction the caller already has in the tenant's schema (a public page reads all it shows in one). */
    public static Mono<Map<String, Picture>> pictures(TenantTx c, Set<String> urls) {
        List<String> paths = libraryPaths(urls);
        if (paths.isEmpty()) {
            return Mono.just(Map.of());
        }
        return c.query("""
                        SELECT m.stored_path, m.width, m.sha256, m.replaced_at IS NOT NULL AS replaced, v.width AS copy_width, v.stored_path AS copy_path
                        FROM media_files m LEFT JOIN media_variants v ON v.media_id = m.id
                        WHERE m.stored_path = ANY($1) AND NOT m.attachment ORDER BY m.stored_path, v.width""",
                        r -> new Row(r.get("stored_path", String.class), r.get("width", Integer.class), r.get("sha256", String.class),
                                Boolean.TRUE.equals(r.get("replaced", Boolean.class)), r.get("copy_width", Integer.class),
                                r.get("copy_path", String.class)), (Object) paths.toArray(String[]::new))
                .collectList()
                .map(ResponsiveImages::byUrl);
    }

    private static List<String> libraryPaths(Set<String> urls) {
        return urls.stream().filter(u -> u != null && u.startsWith("/media/")).map(u -> u.substring("/media/".length())).toList();
    }

    /** The sanitised {@code html} with srcset on each picture of the tenant's library that has smaller copies. */
    public Mono<String> withSrcset(Tenant tenant, @Nullable String html) {
        if (html == null || !html.contains("/media/")) {
            return Mono.just(html == null ? "" : html);
        }
        return db.mono(tenant, c -> withSrcset(c, html));
    }

    /** The same, on a transaction the caller already has in the tenant's schema (a public page reads all it shows in one). */
    public static Mono<String> withSrcset(TenantTx c, @Nullable String html) {
        if (html == null || !html.contains("/media/")) {
            return Mono.just(html == null ? "" : html);
        }
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = IMG_SRC.matcher(html);
        while (m.find()) {
            urls.add("/media/" + m.group(2));
        }
        return pictures(c, urls).map(pictures -> {
            if (pictures.isEmpty()) {
                return html;
            }
            Matcher r = IMG_SRC.matcher(html);
            StringBuilder out = new StringBuilder();
            while (r.find()) {
                Picture p = pictures.get("/media/" + r.group(2));
                String replacement = p == null ? r.group()
                        : r.group(1) + p.src() + "\"" + (p.srcset() == null ? "" : " srcset=\"" + p.srcset() + "\" sizes=\"" + SIZES + "\"");
                r.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            r.appendTail(out);
            return out.toString();
        });
    }

    private record Row(String path, @Nullable Integer width, String sha256, boolean replaced, @Nullable Integer copyWidth,
                       @Nullable String copyPath) {
    }

    private static Map<String, Picture> byUrl(List<Row> rows) {
        Map<String, List<Row>> byPath = new LinkedHashMap<>();
        rows.forEach(row -> byPath.computeIfAbsent(row.path(), k -> new ArrayList<>()).add(row));
        Map<String, Picture> pictures = new LinkedHashMap<>();
        byPath.forEach((path, copies) -> {
            Row first = copies.get(0);
            String version = first.replaced() ? "?v=" + first.sha256().substring(0, 12) : "";
            List<String> candidates = new ArrayList<>();
            for (Row copy : copies) {
                if (copy.copyPath() != null) {
                    candidates.add("/media/" + copy.copyPath() + version + " " + copy.copyWidth() + "w");
                }
            }
            if (!candidates.isEmpty() && first.width() != null) {
                candidates.add("/media/" + path + version + " " + first.width() + "w");
            }
            pictures.put("/media/" + path, new Picture("/media/" + path + version, candidates.isEmpty() ? null : String.join(", ", candidates)));
        });
        return pictures;
    }
}
