package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.themes.ThemeSelection;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public home, section and article pages of a tenant as a theme version would show them, for
 * the staff's preview link (which checks who may see it). Uses the same page builders as the
 * public routes; nothing is cached.
 */
@Singleton
public class PagePreviews {

    private static final Pattern SECTION = Pattern.compile("^/chuyen-muc/([a-z0-9]+(?:-[a-z0-9]+)*)$");
    private static final Pattern ARTICLE = Pattern.compile("^/bai-viet/([a-z0-9]+(?:-[a-z0-9]+)*)$");
    private static final Pattern LINK = Pattern.compile("href=\"(/(?:chuyen-muc|bai-viet)/[a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final String NOTICE = "Bản xem trước giao diện — chưa áp dụng cho người đọc.";

    private final PublicPages pages;
    private final HomeController home;
    private final SectionController sections;
    private final ArticleController articles;

    PagePreviews(PublicPages pages, HomeController home, SectionController sections, ArticleController articles) {
        this.pages = pages;
        this.home = home;
        this.sections = sections;
        this.articles = articles;
    }

    /**
     * The Vietnamese page at {@code path} ({@code /}, {@code /chuyen-muc/…}, {@code /bai-viet/…}); empty when
     * there is none. Its links to the home, section and article pages lead to their previews at
     * {@code previewUrl?trang=…}, so the staff member browses the draft, not the live portal.
     */
    public Mono<HttpResponse<?>> page(HttpRequest<?> request, Tenant tenant, ThemeSelection selection, String path, String previewUrl) {
        Origin origin = Origin.of(request);
        UnaryOperator<String> links = html -> LINK.matcher(html.replace("href=\"/\"", "href=\"" + previewUrl + "\""))
                .replaceAll("href=\"" + Matcher.quoteReplacement(previewUrl) + "?trang=$1\"");
        if (path == null || path.isEmpty() || path.equals("/")) {
            return pages.preview(tenant, "vi", origin, selection, NOTICE, links, home::home);
        }
        Matcher section = SECTION.matcher(path);
        if (section.matches()) {
            return pages.preview(tenant, "vi", origin, selection, NOTICE, links, ctx -> sections.model(ctx, section.group(1), 1));
        }
        Matcher article = ARTICLE.matcher(path);
        if (article.matches()) {
            return pages.preview(tenant, "vi", origin, selection, NOTICE, links, ctx -> articles.model(ctx, article.group(1)));
        }
        return Mono.empty();
    }
}
