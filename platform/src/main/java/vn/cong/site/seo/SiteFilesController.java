package vn.cong.site.seo;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import reactor.core.publisher.Mono;
import vn.cong.site.SiteStructures;
import vn.cong.site.UiText;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.tenancy.UnavailableNotice;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files search engines and browsers ask every portal for (issue 11, point 6): {@code /robots.txt},
 * {@code /sitemap.xml} (an index of {@code /sitemap-N.xml} above {@link SitemapConfiguration#maxUrls()}
 * addresses), {@code /opensearch.xml} (so browsers offer the portal's search). Every address in them is on
 * the tenant's registered primary host ({@link PublicLinks}), never the request's Host header. XML is
 * written with StAX, which escapes what it writes.
 */
@Controller
class SiteFilesController {

    private static final Pattern PART = Pattern.compile("^[1-9][0-9]{0,4}$");
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XML = "application/xml;charset=utf-8";

    private final SitemapEntries entries;
    private final SiteStructures structures;
    private final PublicLinks links;
    private final UiText text;
    private final SitemapConfiguration config;

    SiteFilesController(SitemapEntries entries, SiteStructures structures, PublicLinks links, UiText text, SitemapConfiguration config) {
        this.entries = entries;
        this.structures = structures;
        this.links = links;
        this.text = text;
        this.config = config;
    }

    @Get("/robots.txt")
    HttpResponse<?> robots(HttpRequest<?> request) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return notFound();
        }
        String body = """
                User-agent: *
                Disallow: /quan-tri
                Disallow: /tim-kiem
                Disallow: /en/search

                Sitemap: %s
                """.formatted(links.tenant(tenant.get(), "/sitemap.xml"));
        return HttpResponse.ok(body).contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }

    @Get("/sitemap.xml")
    Mono<HttpResponse<?>> sitemap(HttpRequest<?> request) {
        return sitemapPart(request, 0);
    }

    @Get("/sitemap-{part}.xml")
    Mono<HttpResponse<?>> sitemapPart(HttpRequest<?> request, @PathVariable String part) {
        if (!PART.matcher(part).matches()) {
            return Mono.just(notFound());
        }
        return sitemapPart(request, Integer.parseInt(part));
    }

    /** Part 0 is {@code /sitemap.xml}: every address when they fit in one file, else the index of the parts. */
    private Mono<HttpResponse<?>> sitemapPart(HttpRequest<?> request, int part) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return Mono.just(notFound());
        }
        if (tenant.get().readsFromCacheOnly()) {
            return Mono.just(UnavailableNotice.of(request, tenant.get()));
        }
        Tenant t = tenant.get();
        int max = Math.max(1, config.maxUrls());
        return structures.of(t).flatMap(structure -> entries.of(t, structure)).map(all -> {
            int parts = (all.size() + max - 1) / max;
            if (part == 0 && parts > 1) {
                return xml(index(t, parts));
            }
            if (part == 0) {
                return xml(urlset(t, all));
            }
            if (part > parts || parts == 1) {
                return notFound();
            }
            return xml(urlset(t, all.subList((part - 1) * max, Math.min(all.size(), part * max))));
        });
    }

    @Get("/opensearch.xml")
    HttpResponse<?> openSearch(HttpRequest<?> request) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return notFound();
        }
        Tenant t = tenant.get();
        byte[] body = write(w -> {
            w.writeStartElement("OpenSearchDescription");
            w.writeDefaultNamespace("http://a9.com/-/spec/opensearch/1.1/");
            element(w, "ShortName", shortName(t.name("vi")));
            element(w, "Description", text.of("vi").get("search.boxLabel") + ": " + t.name("vi"));
            element(w, "InputEncoding", "UTF-8");
            element(w, "Language", "vi");
            w.writeEmptyElement("Url");
            w.writeAttribute("type", "text/html");
            w.writeAttribute("method", "get");
            w.writeAttribute("template", links.tenant(t, "/tim-kiem") + "?q={searchTerms}");
            w.writeEndElement();
        });
        return HttpResponse.ok(body).contentType("application/opensearchdescription+xml;charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }

    private byte[] urlset(Tenant t, List<SitemapEntries.Entry> list) {
        return write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (SitemapEntries.Entry e : list) {
                w.writeStartElement("url");
                element(w, "loc", links.tenant(t, e.path()));
                if (e.lastModified() != null) {
                    element(w, "lastmod", e.lastModified().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private byte[] index(Tenant t, int parts) {
        return write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (int n = 1; n <= parts; n++) {
                w.writeStartElement("sitemap");
                element(w, "loc", links.tenant(t, "/sitemap-" + n + ".xml"));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** OpenSearch's ShortName is at most 16 characters. */
    private static String shortName(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "…";
    }

    private static HttpResponse<?> xml(byte[] body) {
        return HttpResponse.ok(body).contentType(XML).header(HttpHeaders.CACHE_CONTROL, "public, max-age=600");
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
    }
}
