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
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import jakarta.inject.Named;
import vn.cong.site.PublicUrls;
import vn.cong.site.SectionNode;
import vn.cong.site.SiteStructures;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.tenancy.UnavailableNotice;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * RSS 2.0 and Atom feeds of a portal ({@code /rss.xml}, {@code /atom.xml}: news and legal documents) and of
 * each section ({@code /chuyen-muc/<slug>/rss.xml}, {@code …/atom.xml}: its news), in English under
 * {@code /en}; written by Rome. Every entry carries its canonical address on the tenant's primary host (RSS
 * {@code link} and {@code guid}, Atom {@code link} and {@code id}) and "Nguồn: <portal name>" [001 Đ2.5].
 */
@Controller
class FeedsController {

    static final int ENTRIES = 20;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+){0,20}$");

    private final FeedItems items;
    private final SiteStructures structures;
    private final PublicLinks links;
    private final Scheduler render;

    FeedsController(FeedItems items, SiteStructures structures, PublicLinks links, @Named("render") ExecutorService render) {
        this.items = items;
        this.structures = structures;
        this.links = links;
        this.render = Schedulers.fromExecutorService(render, "feeds");
    }

    @Get("/rss.xml")
    Mono<HttpResponse<?>> rss(HttpRequest<?> request) {
        return feed(request, "vi", null, Format.RSS);
    }

    @Get("/atom.xml")
    Mono<HttpResponse<?>> atom(HttpRequest<?> request) {
        return feed(request, "vi", null, Format.ATOM);
    }

    @Get("/en/rss.xml")
    Mono<HttpResponse<?>> rssEnglish(HttpRequest<?> request) {
        return feed(request, "en", null, Format.RSS);
    }

    @Get("/en/atom.xml")
    Mono<HttpResponse<?>> atomEnglish(HttpRequest<?> request) {
        return feed(request, "en", null, Format.ATOM);
    }

    @Get("/chuyen-muc/{slug}/rss.xml")
    Mono<HttpResponse<?>> sectionRss(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "vi", slug, Format.RSS);
    }

    @Get("/chuyen-muc/{slug}/atom.xml")
    Mono<HttpResponse<?>> sectionAtom(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "vi", slug, Format.ATOM);
    }

    @Get("/en/chuyen-muc/{slug}/rss.xml")
    Mono<HttpResponse<?>> sectionRssEnglish(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "en", slug, Format.RSS);
    }

    @Get("/en/chuyen-muc/{slug}/atom.xml")
    Mono<HttpResponse<?>> sectionAtomEnglish(HttpRequest<?> request, @PathVariable String slug) {
        return feed(request, "en", slug, Format.ATOM);
    }

    enum Format {
        RSS("rss_2.0", "application/rss+xml;charset=utf-8", "rss.xml"),
        ATOM("atom_1.0", "application/atom+xml;charset=utf-8", "atom.xml");

        final String romeType;
        final String contentType;
        final String file;

        Format(String romeType, String contentType, String file) {
            this.romeType = romeType;
            this.contentType = contentType;
            this.file = file;
        }
    }

    private Mono<HttpResponse<?>> feed(HttpRequest<?> request, String lang, String slug, Format format) {
        Optional<Tenant> found = TenantRequests.tenant(request);
        if (found.isEmpty() || (slug != null && !SLUG.matcher(slug).matches())) {
            return Mono.just(notFound());
        }
        Tenant tenant = found.get();
        if (tenant.schemaMissing()) {
            return Mono.just(UnavailableNotice.response(request));
        }
        return structures.of(tenant).flatMap(structure -> {
            SectionNode section = slug == null ? null : structure.bySlug().get(slug);
            if (slug != null && (section == null || !structure.isPublic(section))) {
                return Mono.just(notFound());
            }
            return items.newest(tenant, lang, section == null ? null : structure.subtreeIds(section), ENTRIES)
                    .publishOn(render)
                    .map(list -> {
                        String self = (section == null ? PublicUrls.home(lang).replaceAll("/$", "") : PublicUrls.section(lang, slug))
                                + "/" + format.file;
                        String page = section == null ? PublicUrls.home(lang) : PublicUrls.section(lang, slug);
                        String title = tenant.name(lang) + (section == null ? "" : " – " + section.name(lang));
                        return (HttpResponse<?>) HttpResponse.ok(write(tenant, lang, title, page, self, list, format))
                                .contentType(format.contentType)
                                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
                    });
        });
    }

    private String write(Tenant tenant, String lang, String title, String page, String self, List<FeedItems.Item> list, Format format) {
        String source = ("en".equals(lang) ? "Source: " : "Nguồn: ") + tenant.name(lang);
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
