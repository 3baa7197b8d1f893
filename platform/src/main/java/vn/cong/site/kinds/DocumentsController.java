package vn.cong.site.kinds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import reactor.core.publisher.Mono;
import vn.cong.content.documents.DocumentFilter;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.PublicDocuments;
import vn.cong.site.PageView;
import vn.cong.site.PublicPage;
import vn.cong.site.PublicPages;
import vn.cong.site.SiteConfiguration;
import vn.cong.site.SiteContext;
import vn.cong.site.SiteView;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Legal and directive documents: a list filtered by type, issuer, year and status (all in the query
 * string, so each filtered page is cached on its own), and one page per document.
 */
@Produces(MediaType.TEXT_HTML)
@Controller
class DocumentsController {

    private static final Pattern YEAR = Pattern.compile("^(19|20)[0-9]{2}$");

    private final PublicPages pages;
    private final PublicDocuments documents;
    private final SiteConfiguration config;

    DocumentsController(PublicPages pages, PublicDocuments documents, SiteConfiguration config) {
        this.pages = pages;
        this.documents = documents;
        this.config = config;
    }

    /** A document line of the list, ready to show. */
    record Card(String url, String number, String title, String type, String issuer, String issued, String statusSlug, String status) {
    }

    /** One choice of a filter drop-down. */
    record Choice(String value, String label, boolean selected) {
    }

    @Get("/van-ban")
    Mono<HttpResponse<?>> listVi(HttpRequest<?> request, @Nullable @QueryValue String loai, @Nullable @QueryValue("co-quan") String issuer,
                                 @Nullable @QueryValue String nam, @Nullable @QueryValue("tinh-trang") String status,
                                 @Nullable @QueryValue String trang) {
        return pages.serve(request, "vi", listPage("vi", loai, issuer, nam, status, trang));
    }

    @Get("/en/van-ban")
    Mono<HttpResponse<?>> listEn(HttpRequest<?> request, @Nullable @QueryValue String loai, @Nullable @QueryValue("co-quan") String issuer,
                                 @Nullable @QueryValue String nam, @Nullable @QueryValue("tinh-trang") String status,
                                 @Nullable @QueryValue String trang) {
        return pages.serve(request, "en", listPage("en", loai, issuer, nam, status, trang));
    }

    @Get("/van-ban/{slug}")
    Mono<HttpResponse<?>> detailVi(HttpRequest<?> request, @PathVariable String slug) {
        return pages.serve(request, "vi", detailPage("vi", slug));
    }

    @Get("/en/van-ban/{slug}")
    Mono<HttpResponse<?>> detailEn(HttpRequest<?> request, @PathVariable String slug) {
        return pages.serve(request, "en", detailPage("en", slug));
    }

    /** The list page the filter values name; empty when one is malformed. */
    Optional<PublicPage> listPage(String lang, @Nullable String type, @Nullable String issuer,
                                  @Nullable String year, @Nullable String status, @Nullable String trang) {
        String typeCode = type == null || type.isEmpty() ? null : type;
        String issuerName = ListPages.text(issuer);
        Optional<DocumentStatus> statusValue = status == null || status.isEmpty() ? Optional.empty() : DocumentStatus.ofSlug(status);
        if ((typeCode != null && (typeCode.length() > 40 || !ListPages.isSlug(typeCode)))
                || (issuer != null && !issuer.isEmpty() && issuerName == null)
                || (year != null && !year.isEmpty() && !YEAR.matcher(year).matches())
                || (status != null && !status.isEmpty() && statusValue.isEmpty())
                || (trang != null && !ListPages.PAGE.matcher(trang).matches())) {
            return Optional.empty();
        }
        DocumentFilter filter = new DocumentFilter(typeCode, issuerName, year == null || year.isEmpty() ? null : Integer.valueOf(year),
                statusValue.orElse(null));
        int page = trang == null ? 1 : Integer.parseInt(trang);
        return Optional.of(new PublicPage(KindUrls.documents(lang) + filter.query(page), ctx -> listModel(ctx, filter, page)));
    }

    private Mono<PageView> listModel(SiteContext ctx, DocumentFilter filter, int page) {
        String lang = ctx.lang();
        int size = config.pageSize();
        return documents.list(ctx.tenant(), lang, filter, page, size).flatMap(found -> {
            PublicDocuments.Options options = found.options();
            // filter values the tenant does not have are not pages: one shared 404 instead of a cache entry each
            if ((filter.typeCode() != null && options.types().stream().noneMatch(t -> t.code().equals(filter.typeCode())))
                    || (filter.issuer() != null && !options.issuers().contains(filter.issuer()))) {
                return Mono.empty();
            }
            int totalPages = (int) Math.max(1, (found.total() + size - 1) / size);
            if (page > totalPages) {
                return Mono.empty();
            }
            Map<String, String> t = ctx.text();
            SiteView site = ctx.site(null, KindUrls.documents(KindUrls.other(lang)) + filter.query(1));
            Map<String, Object> model = ctx.model(site, t.get("documents.heading"));
            model.put("listUrl", KindUrls.documents(lang));
            model.put("documents", found.documents().stream().map(d -> new Card(KindUrls.document(lang, d.slug()), d.number(), d.title(),
                    d.typeName(lang), d.issuer(), ListPages.day(d.issuedOn()), d.status().slug(), d.status().label(lang))).toList());
            model.put("total", found.total());
            model.put("filtered", !filter.isEmpty());
            model.put("types", options.types().stream().map(x -> new Choice(x.code(), x.name(lang), x.code().equals(filter.typeCode()))).toList());
            model.put("issuers", options.issuers().stream().map(x -> new Choice(x, x, x.equals(filter.issuer()))).toList());
            model.put("years", options.years().stream().map(y -> new Choice(String.valueOf(y), String.valueOf(y), y.equals(filter.year()))).toList());
            model.put("statuses", List.of(DocumentStatus.values()).stream()
                    .map(s -> new Choice(s.slug(), s.label(lang), s == filter.status())).toList());
            model.put("pagination", ListPages.pagination(page, totalPages, n -> KindUrls.documents(lang) + filter.query(n)));
            return Mono.just(new PageView("documents", model));
        });
    }

    Optional<PublicPage> detailPage(String lang, String slug) {
        if (!ListPages.isSlug(slug)) {
            return Optional.empty();
        }
        return Optional.of(new PublicPage(KindUrls.document(lang, slug), ctx -> documents.detail(ctx.tenant(), lang, slug)
                .flatMap(found -> found.map(d -> Mono.just(detailModel(ctx, d))).orElseGet(Mono::empty))));
    }

    private PageView detailModel(SiteContext ctx, PublicDocuments.Detail found) {
        String lang = ctx.lang();
        PublicDocuments.Listed d = found.document();
        SiteView site = ctx.site(null, KindUrls.documents(KindUrls.other(lang)));
        Map<String, Object> model = ctx.model(site, d.number() + " – " + d.title());
        model.put("listUrl", KindUrls.documents(lang));
        model.put("doc", Map.ofEntries(
                Map.entry("number", d.number()), Map.entry("title", d.title()), Map.entry("summary", d.summary()),
                Map.entry("type", d.typeName(lang)), Map.entry("issuer", d.issuer()), Map.entry("signer", d.signer()),
                Map.entry("issued", ListPages.day(d.issuedOn())),
                Map.entry("effective", d.effectiveOn() == null ? "" : ListPages.day(d.effectiveOn())),
                Map.entry("expires", d.expiresOn() == null ? "" : ListPages.day(d.expiresOn())),
                Map.entry("statusSlug", d.status().slug()), Map.entry("status", d.status().label(lang)),
                Map.entry("bodyHtml", found.bodyHtml())));
        PublicDocuments.Replacement r = found.replacedBy();
        if (r != null) {
            model.put("replacedBy", Map.of("number", r.number(), "title", r.title(),
                    "url", r.slug() == null ? "" : KindUrls.document(lang, r.slug())));
        }
        model.put("attachments", found.attachments());
        return new PageView("document", model);
    }
}
