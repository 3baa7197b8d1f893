package vn.cong.site.search;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import reactor.core.publisher.Mono;
import vn.cong.content.search.Search;
import vn.cong.content.search.SearchQuery;
import vn.cong.content.search.SearchResults;
import vn.cong.content.search.SearchText;
import vn.cong.site.PageView;
import vn.cong.site.PublicPages;
import vn.cong.site.SectionNode;
import vn.cong.site.SiteConfiguration;
import vn.cong.site.SiteContext;
import vn.cong.site.SiteStructure;
import vn.cong.tenancy.MinistryFederation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The portal's search page (tìm kiếm), {@code /tim-kiem} and {@code /en/search}, with the query in
 * {@code q} and the filters {@code loai} (kind), {@code chuyen-muc} (section), {@code nam} (year) and
 * {@code trang} (page). A public GET like every public page (no session, no security filter); results
 * are not cached (one key per query would let anyone fill the cache), the empty form is. Whatever the
 * query string holds, the reader gets a normal page: an unknown filter value is ignored, the query is cut
 * at {@link SearchText#MAX_QUERY} characters, and it only ever reaches SQL as a bound parameter.
 * <p>
 * On a root portal with members, {@code pham-vi=toan-bo} searches the whole ministry ({@link MinistrySearch}):
 * the root and the members that opted in, each result naming its portal; elsewhere the parameter is ignored.
 */
@Produces(MediaType.TEXT_HTML)
@Controller
class SearchController {

    static final String VI = "/tim-kiem";
    static final String EN = "/en/search";
    private static final Pattern YEAR = Pattern.compile("^(19|20)[0-9]{2}$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+){0,20}$");
    static final String SCOPE = "pham-vi";
    static final String WHOLE_MINISTRY = "toan-bo";
    private static final Pattern PAGE = Pattern.compile("^[1-9][0-9]{0,3}$");

    private final PublicPages pages;
    private final Search search;
    private final SiteConfiguration config;
    private final MinistrySearch ministry;
    private final MinistryFederation federation;

    SearchController(PublicPages pages, Search search, SiteConfiguration config, MinistrySearch ministry, MinistryFederation federation) {
        this.pages = pages;
        this.search = search;
        this.config = config;
        this.ministry = ministry;
        this.federation = federation;
    }

    @Get(VI)
    Mono<HttpResponse<?>> vietnamese(HttpRequest<?> request) {
        return page(request, "vi");
    }

    @Get(EN)
    Mono<HttpResponse<?>> english(HttpRequest<?> request) {
        return page(request, "en");
    }

    private Mono<HttpResponse<?>> page(HttpRequest<?> request, String lang) {
        var params = request.getParameters();
        Asked asked = new Asked(SearchText.bounded(params.get("q")), known(params.get("loai")),
                SLUG.matcher(orEmpty(params.get("chuyen-muc"))).matches() ? params.get("chuyen-muc") : null,
                YEAR.matcher(orEmpty(params.get("nam"))).matches() ? Integer.valueOf(params.get("nam")) : null,
                PAGE.matcher(orEmpty(params.get("trang"))).matches() ? Integer.parseInt(params.get("trang")) : 1,
                WHOLE_MINISTRY.equals(params.get(SCOPE)));
        String path = path(lang);
        if (asked.text().isEmpty() && asked.kind() == null && asked.section() == null && asked.year() == null && !asked.wholeMinistry()) {
            return pages.serve(request, lang, path, ctx -> model(ctx, asked));
        }
        return pages.serveUncached(request, lang, path, ctx -> model(ctx, asked));
    }

    /** What the reader asked, as read from the query string (malformed values already dropped). */
    record Asked(String text, String kind, String section, Integer year, int page, boolean wholeMinistry) {

        String url(String lang, int page) {
            List<String> q = new ArrayList<>();
            q.add("q=" + enc(text));
            if (kind != null) {
                q.add("loai=" + enc(kind));
            }
            if (section != null) {
                q.add("chuyen-muc=" + enc(section));
            }
            if (year != null) {
                q.add("nam=" + year);
            }
            if (wholeMinistry) {
                q.add(SCOPE + "=" + WHOLE_MINISTRY);
            }
            if (page > 1) {
                q.add("trang=" + page);
            }
            return path(lang) + "?" + String.join("&", q);
        }
    }

    private Mono<PageView> model(SiteContext ctx, Asked asked) {
        if (asked.wholeMinistry() && federation.hasMembers(ctx.tenant())) {
            return ministryModel(ctx, asked);
        }
        String lang = ctx.lang();
        SiteStructure structure = ctx.structure();
        SectionNode section = asked.section() == null ? null : structure.bySlug().get(asked.section());
        Long[] sectionIds = section != null && structure.isPublic(section) ? structure.subtreeIds(section) : null;
        int size = config.pageSize();
        SearchQuery query = new SearchQuery(asked.text(), lang, asked.kind(), sectionIds, asked.year(), asked.page(), size);
        return search.search(ctx.tenant(), query).map(found -> {
            Map<String, String> t = ctx.text();
            String title = asked.text().isEmpty() ? t.get("search.heading") : t.get("search.resultsFor") + " “" + asked.text() + "”";
            Map<String, Object> model = ctx.model(ctx.site(null, path(other(lang))), title);
            model.put("query", asked.text());
            model.put("asked", !asked.text().isEmpty());
            model.put("searchable", SearchText.hasWords(asked.text()));
            model.put("total", found.total());
            model.put("near", found.near());
            model.put("results", found.results().stream().map(r -> view(t, r, null)).toList());
            model.put("kinds", search.kinds().stream()
                    .map(k -> new Choice(k, t.getOrDefault("search.kind." + k, k), k.equals(asked.kind()))).toList());
            model.put("sections", sections(structure, lang, sectionIds == null ? null : section.slug()));
            model.put("years", found.years().stream().map(y -> new Choice(y.toString(), y.toString(), y.equals(asked.year()))).toList());
            model.put("pagination", pagination(lang, asked, found.total()));
            model.put("scopes", scopes(ctx, false));
            model.put("action", path(lang));
            // result pages are for readers, not for search engines' indexes (robots.txt says so too)
            model.put("noindex", asked.text().length() > 0 || asked.kind() != null || asked.section() != null || asked.year() != null);
            return new PageView("search", model);
        });
    }

    /** The whole ministry's results: no section filter (each portal has its own sections). */
    private Mono<PageView> ministryModel(SiteContext ctx, Asked asked) {
        String lang = ctx.lang();
        SearchQuery query = new SearchQuery(asked.text(), lang, asked.kind(), null, asked.year(), asked.page(), config.pageSize());
        Mono<MinistrySearch.Found> found = SearchText.hasWords(asked.text()) ? ministry.search(ctx.tenant(), query)
                : Mono.just(new MinistrySearch.Found(0, false, List.of(), List.of(), List.of(), 0));
        return found.map(f -> {
            Map<String, String> t = ctx.text();
            String title = asked.text().isEmpty() ? t.get("search.heading") : t.get("search.resultsFor") + " “" + asked.text() + "”";
            Map<String, Object> model = ctx.model(ctx.site(null, path(other(lang))), title);
            model.put("query", asked.text());
            model.put("asked", true);
            model.put("searchable", SearchText.hasWords(asked.text()));
            model.put("total", f.total());
            model.put("near", f.near());
            model.put("results", f.results().stream().map(r -> view(t, r.result(), r.portal()).at(r.url())).toList());
            model.put("kinds", search.kinds().stream()
                    .map(k -> new Choice(k, t.getOrDefault("search.kind." + k, k), k.equals(asked.kind()))).toList());
            model.put("sections", List.of());
            model.put("years", f.years().stream().map(y -> new Choice(y.toString(), y.toString(), y.equals(asked.year()))).toList());
            model.put("pagination", pagination(lang, asked, Math.min(f.total(), MinistrySearch.MAX_PER_PORTAL)));
            model.put("action", path(lang));
            model.put("scopes", scopes(ctx, true));
            model.put("unanswered", f.unanswered());
            model.put("noindex", true);
            return new PageView("search", model);
        });
    }

    /** The scope choices: this portal or the whole ministry, offered only on a root portal with members. */
    private List<Choice> scopes(SiteContext ctx, boolean whole) {
        if (!federation.hasMembers(ctx.tenant())) {
            return List.of();
        }
        return List.of(new Choice("", ctx.text().get("search.scope.portal"), !whole),
                new Choice(WHOLE_MINISTRY, ctx.text().get("search.scope.ministry"), whole));
    }

    private static ResultView view(Map<String, String> t, SearchResults.Result r, String portal) {
        return new ResultView(r.hit().title(), r.url(), t.getOrDefault("search.kind." + r.hit().kind(), r.hit().kind()),
                SiteContext.shown(r.hit().publishedAt()), SiteContext.iso(r.hit().publishedAt()), r.snippet(), portal);
    }

    /** A result as the template shows it; {@code portal} names the portal it comes from in the ministry-wide scope. */
    record ResultView(String title, String url, String kind, String publishedText, String publishedIso,
                      List<SearchText.Segment> snippet, String portal) {

        ResultView at(String absolute) {
            return new ResultView(title, absolute, kind, publishedText, publishedIso, snippet, portal);
        }
    }

    /** A choice of a filter's drop-down. */
    record Choice(String value, String label, boolean selected) {
    }

    /** The public sections, top level then their subsections, for the section filter. */
    private static List<Choice> sections(SiteStructure structure, String lang, String selected) {
        List<Choice> choices = new ArrayList<>();
        for (SectionNode root : structure.menuRoots()) {
            choices.add(new Choice(root.slug(), root.name(lang), root.slug().equals(selected)));
            for (SectionNode child : root.visibleChildren()) {
                choices.add(new Choice(child.slug(), "— " + child.name(lang), child.slug().equals(selected)));
            }
        }
        return choices;
    }

    private vn.cong.site.Pagination pagination(String lang, Asked asked, long total) {
        int size = config.pageSize();
        int totalPages = (int) Math.max(1, (total + size - 1) / size);
        int page = asked.page();
        List<vn.cong.site.PageLink> links = new ArrayList<>();
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - page) <= 2) {
                links.add(new vn.cong.site.PageLink(n, asked.url(lang, n), n == page));
            }
        }
        return new vn.cong.site.Pagination(page, totalPages, page > 1 ? asked.url(lang, page - 1) : null,
                page < totalPages ? asked.url(lang, page + 1) : null, links);
    }

    private String known(String kind) {
        return kind != null && search.kinds().contains(kind) ? kind : null;
    }

    static String path(String lang) {
        return "en".equals(lang) ? EN : VI;
    }

    private static String other(String lang) {
        return "en".equals(lang) ? "vi" : "en";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
