package vn.cong.site.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import jakarta.inject.Named;
import vn.cong.site.PublicUrls;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.tenancy.UnavailableNotice;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * RSS 2.0, Atom and JSON Feed 1.1 of a portal ({@code /rss.xml}, {@code /atom.xml}, {@code /feed.json}: news
 * and legal documents) and of each section ({@code /chuyen-muc/<slug>/rss.xml}, {@code …/atom.xml},
 * {@code …/feed.json}: its news), in English under {@code /en}; RSS and Atom written by Rome, JSON Feed by
 * the JSON mapper ({@link JsonFeed}), paged with {@code ?trang=} and answering conditional GETs with 304.
 * Every entry carries its canonical address on the tenant's primary host (RSS {@code link} and {@code guid},
 * Atom {@code link} and {@code id}, JSON {@code id} and {@code url}) and "Nguồn: <portal name>" [001 Đ2.5].
 */
@Controller
class FeedsController {

    static final int ENTRIES = 20;

    private final FeedItems items;
    private final FeedScopes scopes;
    private final PublicLinks links;
    private final JsonMapper json;
    private final Scheduler render;

    FeedsController(FeedItems items, FeedScopes scopes, PublicLinks links, JsonMapper json, @Named("render") ExecutorService render) {
        this.items = items;
        this.scopes = scopes;
        this.links = links;
        this.json = json;
        this.render = Schedulers.fromExecutorService(render, "feeds");
    }

    @Get("/rss.xml")
    Mono<HttpResponse<?>> rss(HttpRequest<?> request) {
        return feed(request, "vi", null, Format.RSS, 1);
    }

    @Get("/atom.xml")
    Mono<HttpResponse<?>> atom(HttpRequest<?> request) {
        return feed(request, "vi", null, Format.ATOM, 1);
    }

    @Get("/feed.json{?trang}")
    Mono<HttpResponse<?>> json(HttpRequest<?> request, @Nullable String trang) {
        return feed(request, "vi", null, Format.JSON, trang);
    }

    @Get("/en/rss.xml")
    Mono<HttpResponse<?>> rssEnglish(HttpRequest<?> request) {
        return feed(request, "en", null, Format.RSS, 1);
    }

    @Get("/en/atom.xml")
    Mono<HttpResponse<?>> atomEnglish(HttpRequest<?> request) {
        return feed(request, "en", null, Format.ATOM, 1);
    }

    @Get("/en/feed.json{?trang}")
    Mono<HttpResponse<?>> jsonEnglish(HttpRequest<?> request, @Nullable String trang) {
        return feed(request, "en", null, Format.JSON, trang);
    }

    @Get("/chuyen-muc/{slug}/rss.xml")
    Mono<HttpResponse<?>> sectionRss(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "vi", slug, Format.RSS, 1);
    }

    @Get("/chuyen-muc/{slug}/atom.xml")
    Mono<HttpResponse<?>> sectionAtom(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "vi", slug, Format.ATOM, 1);
    }

    @Get("/chuyen-muc/{slug}/feed.json{?trang}")
    Mono<HttpResponse<?>> sectionJson(HttpRequest<?> request, @PathVariable String slug, @Nullable String trang) {
        return feed(request, "vi", slug, Format.JSON, trang);
    }

    @Get("/en/chuyen-muc/{slug}/rss.xml")
    Mono<HttpResponse<?>> sectionRssEnglish(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "en", slug, Format.RSS, 1);
    }

    @Get("/en/chuyen-muc/{slug}/atom.xml")
    Mono<HttpResponse<?>> sectionAtomEnglish(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "en", slug, Format.ATOM, 1);
    }

    @Get("/en/chuyen-muc/{slug}/feed.json{?trang}")
    Mono<HttpResponse<?>> sectionJsonEnglish(HttpRequest<?> request, @PathVariable String slug, @Nullable String trang) {
        return feed(request, "en", slug, Format.JSON, trang);
    }

    enum Format {
        RSS("rss_2.0", "application/rss+xml;charset=utf-8", "rss.xml"),
        ATOM("atom_1.0", "application/atom+xml;charset=utf-8", "atom.xml"),
        JSON("json_feed_1.1", JsonFeed.MEDIA_TYPE, "feed.json");

        final String romeType;
        final String contentType;
        final String file;

        Format(String romeType, String contentType, String file) {
            this.romeType = romeType;
            this.contentType = contentType;
            this.file = file;
        }
    }

    private Mono<HttpResponse<?>> feed(HttpRequest<?> request, String lang, @Nullable String slug, Format format, @Nullable String trang) {
        int page;
        try {
            page = trang == null || trang.isBlank() ? 1 : Integer.parseInt(trang.strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        return page < 1 || page > 100_000 ? Mono.just(notFound()) : feed(request, lang, slug, format, page);
    }

    private Mono<HttpResponse<?>> feed(HttpRequest<?> request, String lang, @Nullable String slug, Format format, int page) {
        Optional<Tenant> found = TenantRequests.tenant(request);
        if (found.isEmpty()) {
            return Mono.just(notFound());
        }
        Tenant tenant = found.get();
        if (tenant.readsFromCacheOnly()) {
            return Mono.just(UnavailableNotice.of(request, tenant));
        }
        return scopes.of(tenant, slug).flatMap(scope -> scope.isEmpty() ? Mono.just(notFound())
                : items.page(tenant, lang, slug == null ? FeedItems.KINDS : List.of("article"), scope.get().sectionIds(), page, ENTRIES)
                .publishOn(render)
                .map(list -> {
                    String home = slug == null ? PublicUrls.home(lang) : PublicUrls.section(lang, slug);
                    String self = home.replaceAll("/$", "") + "/" + format.file;
                    if (format == Format.JSON) {
                        byte[] body = writeJson(scope.get(), lang, home, self, list, page);
                        return ConditionalResponses.respond(request, body, list.lastModified(), format.contentType);
                    }
                    return (HttpResponse<?>) HttpResponse.ok(write(tenant, lang, scope.get().title(lang), home, self, list.items(), format))
                            .contentType(format.contentType)
                            .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
                }));
    }

    private byte[] writeJson(FeedScopes.Scope scope, String lang, String home, String self, FeedItems.Page list, int page) {
        Tenant tenant = scope.tenant();
        String portal = links.tenant(tenant, PublicUrls.home(lang));
        JsonFeed.Source source = new JsonFeed.Source(tenant.name(lang), portal, source(tenant, lang));
        List<JsonFeed.Item> entries = list.items().stream().map(item -> {
            String url = links.tenant(tenant, item.path());
            String credit = "<p>" + escape(source.text()) + " (<a href=\"" + escape(url) + "\">" + escape(url) + "</a>)</p>";
            return new JsonFeed.Item(url, url, item.title(), item.summary().isBlank() ? null : item.summary(),
                    (item.bodyHtml() == null ? "" : item.bodyHtml()) + credit, FeedItems.rfc3339(item.published()), FeedItems.rfc3339(item.updated()),
                    lang, List.of(item.kind()), source, item.nationalId() == null && item.nationalUrl() == null ? null
                    : new JsonFeed.NationalLegalDatabase(item.nationalId(), item.nationalUrl()));
        }).toList();
        String next = (long) page * ENTRIES < list.total() ? links.tenant(tenant, self + "?trang=" + (page + 1)) : null;
        JsonFeed feed = new JsonFeed(JsonFeed.VERSION, scope.title(lang), links.tenant(tenant, home),
                links.tenant(tenant, page == 1 ? self : self + "?trang=" + page), source.text(), next, lang,
                List.of(new JsonFeed.Author(tenant.name(lang), portal)), entries);
        try {
            return json.writeValueAsBytes(feed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JSON feed of " + tenant.code(), e);
        }
    }

    static String source(Tenant tenant, String lang) {
        return ("en".equals(lang) ? "Source: " : "Nguồn: ") + tenant.name(lang);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String write(Tenant tenant, String lang, String title, String page, String self, List<FeedItems.Item> list, Format format) {
        String source = source(tenant, lang);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(title);
        feed.setLink(links.tenant(tenant, page));
        feed.setUri(links.tenant(tenant, self));
        feed.setDescription(source);
        feed.setLanguage(lang);
        feed.setPublishedDate(list.isEmpty() ? null : Date.from(list.get(0).published().toInstant()));
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(links.tenant(tenant, self));
        selfLink.setType(format.contentType.replace(";charset=utf-8", ""));
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(links.tenant(tenant, page));
        feed.setLinks(List.of(alternate, selfLink));
        List<SyndEntry> entries = new ArrayList<>();
        Date newest = null;
        for (FeedItems.Item item : list) {
            String url = links.tenant(tenant, item.path());
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(item.title());
            e.setLink(url);
            e.setUri(url);
            e.setPublishedDate(Date.from(item.published().toInstant()));
            e.setUpdatedDate(Date.from(item.updated().toInstant()));
            SyndContent description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue((item.summary().isBlank() ? "" : item.summary() + " — ") + source + " (" + url + ")");
            e.setDescription(description);
            entries.add(e);
            Date updated = e.getUpdatedDate();
            newest = newest == null || updated.after(newest) ? updated : newest;
        }
        feed.setEntries(entries);
        // Atom requires the feed's updated: its newest entry's, or the portal's first day for an empty feed
        feed.setPublishedDate(newest != null ? newest : new Date(0));
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + format + " feed of " + tenant.code(), e);
        }
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
    }
}
