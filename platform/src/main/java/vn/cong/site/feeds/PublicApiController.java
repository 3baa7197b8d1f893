package vn.cong.site.feeds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;
import vn.cong.content.documents.DocumentFilter;
import vn.cong.content.documents.PublicDocuments;
import vn.cong.site.PublicUrls;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.tenancy.UnavailableNotice;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.web.ApiErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read-only public JSON API of a portal, for the Government portal and other aggregators: published
 * news ({@code /api/v1/public/news}) and legal documents ({@code /api/v1/public/documents}), a page at a
 * time, each answer with an {@code ETag} and {@code Last-Modified} and a 304 to a conditional GET that
 * matches. No session and no token: only what the public already sees on the portal's own pages.
 */
@Controller(PublicApiController.BASE)
class PublicApiController {

    static final String BASE = "/api/v1/public";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=utf-8";

    private final FeedItems items;
    private final FeedScopes scopes;
    private final PublicDocuments documents;
    private final PublicLinks links;
    private final JsonMapper json;

    PublicApiController(FeedItems items, FeedScopes scopes, PublicDocuments documents, PublicLinks links, JsonMapper json) {
        this.items = items;
        this.scopes = scopes;
        this.documents = documents;
        this.links = links;
        this.json = json;
    }

    /** Paging and language, as asked for and checked. */
    record Query(String lang, int page, int size, List<FieldError> problems) {

        static Query of(@Nullable String lang, @Nullable String page, @Nullable String size) {
            List<FieldError> problems = new ArrayList<>();
            String language = lang == null || lang.isBlank() ? "vi" : lang.strip();
            if (!language.equals("vi") && !language.equals("en")) {
                problems.add(new FieldError("lang", "Ngôn ngữ là vi hoặc en (lang must be vi or en)."));
            }
            int p = number(page, 1, 1, 100_000, "page", "Trang là số từ 1 (page must be a number from 1).", problems);
            int s = number(size, DEFAULT_SIZE, 1, MAX_SIZE, "size",
                    "Số mục một trang từ 1 đến " + MAX_SIZE + " (size must be 1 to " + MAX_SIZE + ").", problems);
            return new Query(language, p, s, problems);
        }

        private static int number(@Nullable String value, int fallback, int min, int max, String field, String message, List<FieldError> problems) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new FieldError(field, message));
            return fallback;
        }

        String path(String endpoint, int page, String extra) {
            return BASE + endpoint + "?lang=" + lang + "&page=" + page + "&size=" + size + extra;
        }
    }

    @Get
    Mono<HttpResponse<?>> index(HttpRequest<?> request) {
        return withTenant(request, tenant -> {
            PublicApi.Index index = new PublicApi.Index(portal(tenant, "vi"), "1", List.of(
                    new PublicApi.Endpoint(BASE + "/news", "Tin bài đã đăng, mới nhất trước (published news, newest first)",
                            List.of("lang=vi|en", "section=<chuyên mục>", "page=1…", "size=1…" + MAX_SIZE)),
                    new PublicApi.Endpoint(BASE + "/documents", "Văn bản đã đăng, ban hành mới nhất trước (legal documents, newest first)",
                            List.of("lang=vi|en", "type=<loại văn bản>", "year=<năm ban hành>", "page=1…", "size=1…" + MAX_SIZE))),
                    List.of(links.tenant(tenant, "/feed.json"), links.tenant(tenant, "/rss.xml"), links.tenant(tenant, "/atom.xml")));
            return Mono.just(ConditionalResponses.respond(request, bytes(index), null, JSON));
        });
    }

    @Get("/news{?lang,section,page,size}")
    Mono<HttpResponse<?>> news(HttpRequest<?> request, @Nullable @QueryValue String lang, @Nullable @QueryValue String section,
                               @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        Query q = Query.of(lang, page, size);
        return withTenant(request, tenant -> q.problems().isEmpty()
                ? scopes.of(tenant, section == null || section.isBlank() ? null : section.strip()).flatMap(scope -> scope.isEmpty()
                ? Mono.just(error(HttpStatus.NOT_FOUND, new FieldError("section", "Không có chuyên mục này (no such section).")))
                : items.page(tenant, q.lang(), List.of("article"),
                        scope.get().sectionIds(), q.page(), q.size()).map(found -> {
                    String extra = scope.get().section() == null ? "" : "&section=" + scope.get().section().slug();
                    List<PublicApi.News> news = found.items().stream().map(i -> new PublicApi.News(i.id(), i.kind(), i.title(),
                            i.summary().isBlank() ? null : i.summary(), links.tenant(tenant, i.path()), FeedItems.rfc3339(i.published()),
                            FeedItems.rfc3339(i.updated()), FeedsController.source(tenant, q.lang()))).toList();
                    PublicApi.NewsPage body = new PublicApi.NewsPage(portal(tenant, q.lang()), q.page(), q.size(), found.total(), news,
                            pageLinks(tenant, q, "/news", extra, found.total()));
                    return ConditionalResponses.respond(request, bytes(body), found.lastModified(), JSON);
                }))
                : Mono.just(invalid(q.problems())));
    }

    @Get("/documents{?lang,type,year,page,size}")
    Mono<HttpResponse<?>> documents(HttpRequest<?> request, @Nullable @QueryValue String lang, @Nullable @QueryValue String type,
                                    @Nullable @QueryValue String year, @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        Query q = Query.of(lang, page, size);
        List<FieldError> problems = new ArrayList<>(q.problems());
        Integer issuedIn = null;
        if (year != null && !year.isBlank()) {
            issuedIn = year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : null;
            if (issuedIn == null) {
                problems.add(new FieldError("year", "Năm ban hành gồm 4 chữ số (year must have 4 digits)."));
            }
        }
        String typeCode = type == null || type.isBlank() ? null : type.strip();
        if (typeCode != null && !typeCode.matches("^[a-z0-9]+(-[a-z0-9]+){0,10}$")) {
            problems.add(new FieldError("type", "Mã loại văn bản không hợp lệ, ví dụ: quyet-dinh (type is a code such as quyet-dinh)."));
        }
        if (!problems.isEmpty()) {
            return Mono.just(invalid(problems));
        }
        DocumentFilter filter = new DocumentFilter(typeCode, null, issuedIn, null);
        String extra = (typeCode == null ? "" : "&type=" + typeCode) + (issuedIn == null ? "" : "&year=" + issuedIn);
        return withTenant(request, tenant -> items.page(tenant, q.lang(), List.of("document"), null, 1, 0)
                .flatMap(changed -> documents.list(tenant, q.lang(), filter, q.page(), q.size()).map(found -> {
                    List<PublicApi.Document> docs = found.documents().stream().map(d -> new PublicApi.Document(d.id(), d.number(),
                            d.typeCode(), d.typeName(q.lang()), d.title(), d.summary().isBlank() ? null : d.summary(), d.issuer(), d.signer(),
                            d.issuedOn().toString(), d.effectiveOn() == null ? null : d.effectiveOn().toString(),
                            d.expiresOn() == null ? null : d.expiresOn().toString(), d.status().db(),
                            links.tenant(tenant, items.path("document", q.lang(), d.slug()).orElseThrow()), FeedItems.rfc3339(d.publishedAt()),
                            FeedsController.source(tenant, q.lang()), d.nationalId(), d.nationalUrl())).toList();
                    PublicApi.DocumentPage body = new PublicApi.DocumentPage(portal(tenant, q.lang()), q.page(), q.size(), found.total(),
                            docs, pageLinks(tenant, q, "/documents", extra, found.total()));
                    return ConditionalResponses.respond(request, bytes(body), changed.lastModified(), JSON);
                })));
    }

    private Mono<HttpResponse<?>> withTenant(HttpRequest<?> request, Function<Tenant, Mono<? extends HttpResponse<?>>> work) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found"));
        }
        if (tenant.get().readsFromCacheOnly()) {
            return Mono.just(UnavailableNotice.of(request, tenant.get()));
        }
        return work.apply(tenant.get()).map(r -> r);
    }

    private PublicApi.Portal portal(Tenant tenant, String lang) {
        return new PublicApi.Portal(tenant.name(lang), links.tenant(tenant, PublicUrls.home(lang)), FeedsController.source(tenant, lang));
    }

    private PublicApi.Links pageLinks(Tenant tenant, Query q, String endpoint, String extra, long total) {
        long pages = Math.max(1, (total + q.size() - 1) / q.size());
        return new PublicApi.Links(links.tenant(tenant, q.path(endpoint, q.page(), extra)),
                q.page() < pages ? links.tenant(tenant, q.path(endpoint, q.page() + 1, extra)) : null,
                q.page() > 1 ? links.tenant(tenant, q.path(endpoint, (int) Math.min(q.page() - 1, pages), extra)) : null);
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a public API answer", e);
        }
    }

    private static HttpResponse<?> invalid(List<FieldError> problems) {
        return HttpResponse.badRequest(new ApiErrors(problems));
    }

    private static HttpResponse<?> error(HttpStatus status, FieldError problem) {
        return HttpResponse.status(status).body(new ApiErrors(List.of(problem)));
    }
}
