package vn.cong.site;

import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.themes.ThemeSelection;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any public page of a tenant (home, sections, articles, the content kinds' lists and pages, the
 * about pages, in both languages) as a theme version would show it, for the staff's preview link
 * (which checks who may see it). Uses the same page builders as the public routes; nothing is cached.
 */
@Singleton
public class PagePreviews {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"]*)\"");
    private static final Pattern FILTER_FORM = Pattern.compile("(<form\\b[^>]*\\bmethod=\"get\"[^>]*\\baction=\")(/[^\"?]*)(\"[^>]*>)");
    private static final String NOTICE = "Bản xem trước giao diện — chưa áp dụng cho người đọc.";

    /** A page named by a public address: its language and the page. */
    private record Target(String lang, PublicPage page) {
    }

    private final PublicPages pages;
    private final List<PageRoutes> routes;

    PagePreviews(PublicPages pages, List<PageRoutes> routes) {
        this.pages = pages;
        this.routes = routes;
    }

    /**
     * The page at the public address the request's {@code trang} names (path and query, e.g.
     * {@code /en/van-ban?trang=2}; none for the home page), with the request's other parameters (a
     * filter form's values) added to that address; empty when there is no such page. Its links to public pages lead to their
     * previews at {@code previewUrl?trang=…}, so the staff member browses the draft, not the live portal.
     */
    public Mono<HttpResponse<?>> page(HttpRequest<?> request, Tenant tenant, ThemeSelection selection, String previewUrl) {
        Optional<Target> target = target(address(request.getParameters()));
        if (target.isEmpty()) {
            return Mono.empty();
        }
        UnaryOperator<String> links = html -> FILTER_FORM.matcher(LINK.matcher(html).replaceAll(m -> {
            String href = m.group(1).replace("&amp;", "&");
            return target(href).isPresent()
                    ? Matcher.quoteReplacement("href=\"" + previewUrl + "?trang=" + URLEncoder.encode(href, StandardCharsets.UTF_8).replace("%2F", "/") + "\"")
                    : Matcher.quoteReplacement(m.group());
        })).replaceAll(m -> target(m.group(2)).isPresent()
                // a filter form is sent to the preview, the list's address in trang and the filter values beside it
                ? Matcher.quoteReplacement(m.group(1) + previewUrl + m.group(3) + "<input type=\"hidden\" name=\"trang\" value=\"" + m.group(2) + "\">")
                : Matcher.quoteReplacement(m.group()));
        return pages.preview(tenant, target.get().lang(), selection, NOTICE, links, target.get().page().build());
    }

    /** The public address a preview request names: {@code trang} and the other parameters as its query. */
    private static String address(HttpParameters params) {
        String trang = params.get("trang");
        StringBuilder address = new StringBuilder(trang == null || trang.isBlank() ? "/" : trang);
        for (String name : params.names()) {
            if (!name.equals("trang")) {
                for (String value : params.getAll(name)) {
                    address.append(address.indexOf("?") < 0 ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return address.toString();
    }

    /** The page a public address names, if any route has it. */
    private Optional<Target> target(String address) {
        if (!address.startsWith("/") || address.startsWith("//")) {
            return Optional.empty();
        }
        int q = address.indexOf('?');
        String path = q < 0 ? address : address.substring(0, q);
        Map<String, String> query;
        try {
            query = q < 0 ? Map.of() : query(address.substring(q + 1));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        String lang = PublicUrls.languageOf(path);
        String local = "en".equals(lang) ? (path.length() <= 3 ? "/" : path.substring(3)) : path;
        for (PageRoutes r : routes) {
            Optional<PublicPage> page = r.page(lang, local, query);
            if (page.isPresent()) {
                return Optional.of(new Target(lang, page.get()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
