package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A section's articles, its subsections' included, newest first, {@code ?trang=N} for older pages. */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class SectionController {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern PAGE = Pattern.compile("^[1-9][0-9]{0,4}$");

    private final PublicPages pages;
    private final PublicContent content;
    private final SiteConfiguration config;

    SectionController(PublicPages pages, PublicContent content, SiteConfiguration config) {
        this.pages = pages;
        this.content = content;
        this.config = config;
    }

    @Get("/chuyen-muc/{slug}{?trang}")
    Mono<HttpResponse<?>> vietnamese(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String trang) {
        return section(request, "vi", slug, trang);
    }

    @Get("/en/chuyen-muc/{slug}{?trang}")
    Mono<HttpResponse<?>> english(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String trang) {
        return section(request, "en", slug, trang);
    }

    private Mono<HttpResponse<?>> section(HttpRequest<?> request, String lang, String slug, @Nullable String trang) {
        return pages.serve(request, lang, page(lang, slug, trang));
    }

    /** The section page named by {@code slug} and {@code trang}; empty when either is malformed. */
    Optional<PublicPage> page(String lang, String slug, @Nullable String trang) {
        if (slug.length() > 200 || !SLUG.matcher(slug).matches() || (trang != null && !PAGE.matcher(trang).matches())) {
            return Optional.empty();
        }
        int page = trang == null ? 1 : Integer.parseInt(trang);
        return Optional.of(new PublicPage(PublicUrls.section(lang, slug, page), ctx -> model(ctx, slug, page)));
    }

    Mono<PageView> model(SiteContext ctx, String slug, int page) {
        SiteStructure structure = ctx.structure();
        SectionNode section = structure.bySlug().get(slug);
        if (section == null || !structure.isPublic(section)) {
            return Mono.empty();
        }
        String lang = ctx.lang();
        int size = config.pageSize();
        return content.section(ctx.tenant(), lang, structure.subtreeIds(section), page, size)
                .flatMap(found -> {
                    int totalPages = (int) Math.max(1, (found.total() + size - 1) / size);
                    if (page > totalPages) {
                        return Mono.empty();
                    }
                    SiteView site = ctx.site(section, PublicUrls.section(PublicUrls.other(lang), slug));
                    String title = section.name(lang);
                    Map<String, Object> model = ctx.model(site, page > 1 ? title + " – " + ctx.text().get("pagination.page") + " " + page : title);
                    model.put("section", new SectionView(title, PublicUrls.section(lang, slug), section.description(), ctx.subsections(section)));
                    model.put("articles", ctx.cards(found.articles()));
                    model.put("pagination", pagination(lang, slug, page, totalPages));
                    return Mono.just(new PageView("section", model));
                });
    }

    /** First, last, and two pages either side of the current one; the template marks the gaps. */
    static Pagination pagination(String lang, String slug, int page, int totalPages) {
        List<PageLink> links = new ArrayList<>();
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - page) <= 2) {
                links.add(new PageLink(n, PublicUrls.section(lang, slug, n), n == page));
            }
        }
        return new Pagination(page, totalPages,
                page > 1 ? PublicUrls.section(lang, slug, page - 1) : null,
                page < totalPages ? PublicUrls.section(lang, slug, page + 1) : null,
                links);
    }
}
