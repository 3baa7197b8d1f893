package vn.cong.site;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.AcceptEncoding;
import vn.cong.tenancy.OverRequestLimit;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.RequestBudget;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.TenantRequests;
import vn.cong.tenancy.TenantUnavailableException;
import vn.cong.tenancy.TooManyRequestsNotice;
import vn.cong.tenancy.UnavailableNotice;
import vn.cong.themes.ThemeRenderer;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.Themes;
import vn.cong.web.PublicNotFoundPage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Serves public pages from the page cache, rendering them on a miss: the page's data from
 * PostgreSQL, the tenant's theme template on the bounded {@code render} executor, gzip once, then
 * into the cache. Concurrent misses for one page wait for a single render. Public responses carry
 * no cookie and never open a session.
 */
@Singleton
public class PublicPages implements PublicNotFoundPage {

    private static final Logger LOG = LoggerFactory.getLogger(PublicPages.class);
    private static final String HTML = "text/html;charset=utf-8";
    private static final String NOT_FOUND_PATH = "!404";
    static final String CACHE_STATUS = "Cache-Status";
    static final String STALE = "cong; hit; stale";

    private final PageCache cache;
    private final SiteStructures structures;
    private final Themes themes;
    private final ThemeRenderer renderer;
    private final TenantRegistry registry;
    private final PublicLinks links;
    private final UiText text;
    private final Scheduler render;
    private final String publicCacheControl;
    private final SharedRenders renders;

    private final MenuTargets targets;
    private final RequestBudget budget;
    private final PageShortcut shortcut;

    public PublicPages(PageCache cache, SiteStructures structures, Themes themes, ThemeRenderer renderer,
                       TenantRegistry registry, PublicLinks links, UiText text, SiteConfiguration config,
                       @Named("render") ExecutorService render, MenuTargets targets, RequestBudget budget,
                       PageShortcut shortcut) {
        this.targets = targets;
        this.shortcut = shortcut;
        this.budget = budget;
        this.cache = cache;
        this.structures = structures;
        this.themes = themes;
        this.renderer = renderer;
        this.registry = registry;
        this.links = links;
        this.text = text;
        this.render = Schedulers.fromExecutorService(render, "render");
        this.publicCacheControl = "public, max-age=" + config.browserMaxAge();
        this.renders = new SharedRenders(config.shareRenders());
    }

    /**
     * The page at {@code canonicalPath} (path and the query parameters that matter) of the request's
     * tenant. {@code build} loads the page's data; an empty result means there is no such page (404).
     */
    public Mono<HttpResponse<?>> serve(HttpRequest<?> request, String lang, String canonicalPath,
                                       Function<SiteContext, Mono<PageView>> build) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return Mono.just(plainNotFound());
        }
        PageKey key = PageKey.of(tenant.get(), lang, canonicalPath);
        if (tenant.get().readsFromCacheOnly()) {
            return fromCacheOnly(request, tenant.get(), key);
        }
        CachedPage hit = cache.near(key);
        if (hit != null) {
            return Mono.just(respondAndTeach(request, key, hit));
        }
        // only a page that has to be rendered counts against the tenant's request limit, never one from the cache
        return renders.once(key.value(), () -> cache.get(key).switchIfEmpty(Mono.defer(() -> budget.charge(tenant.get()).then(context(tenant.get(), lang))
                        .flatMap(ctx -> build.apply(ctx)
                                .map(view -> described(ctx, view, canonicalPath))
                                .flatMap(view -> render(ctx, view, view.status()).doOnNext(page -> cache.put(key, page)))
                                .switchIfEmpty(Mono.defer(() -> notFoundPage(ctx)))))))
                .<HttpResponse<?>>map(page -> respondAndTeach(request, key, page))
                .onErrorResume(e -> failure(request, tenant.get(), lang, canonicalPath, e));
    }

    /** {@link #respond}, telling the {@link PageShortcut} which cached page answered, so the next such request is quicker. */
    private MutableHttpResponse<?> respondAndTeach(HttpRequest<?> request, PageKey key, CachedPage page) {
        if (page.status() == 200) {
            shortcut.served(request, key.tenant(), key.lang(), key.path());
        }
        return respond(request, page);
    }

    /**
     * A page built and rendered for this request alone, never read from nor written to the page cache:
     * search results, where a key per query would let anyone fill the cache with pages nobody asks for again.
     */
    public Mono<HttpResponse<?>> serveUncached(HttpRequest<?> request, String lang, String path,
                                               Function<SiteContext, Mono<PageView>> build) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return Mono.just(plainNotFound());
        }
        if (tenant.get().readsFromCacheOnly()) {
            return Mono.just(UnavailableNotice.of(request, tenant.get()));
        }
        return budget.charge(tenant.get()).then(context(tenant.get(), lang))
                .flatMap(ctx -> build.apply(ctx)
                        .map(view -> described(ctx, view, path))
                        .flatMap(view -> render(ctx, view, view.status()))
                        .switchIfEmpty(Mono.defer(() -> notFoundPage(ctx))))
                .<HttpResponse<?>>map(page -> respond(request, page))
                .onErrorResume(e -> failure(request, tenant.get(), lang, path, e));
    }

    /** A found page gets its {@link PageMeta}: canonical address on the tenant's primary host, description, card image. */
    private PageView described(SiteContext ctx, PageView view, String canonicalPath) {
        if (view.status() == 200) {
            String canonical = view.model().get(PageMeta.CANONICAL) instanceof String path ? path : canonicalPath;
            view.model().put("share", ShareLinks.of(links.tenant(ctx.tenant(), canonical), canonical + "/in"));
            ReuseNotice.of(ctx.structure().citation(), ctx.lang(), ctx.tenant().name(ctx.lang()), links.tenant(ctx.tenant(), canonical),
                    links.tenant(ctx.tenant(), PublicUrls.home(ctx.lang()))).ifPresent(notice -> view.model().put("reuse", notice));
            view.model().put("meta", PageMeta.of(ctx, links.tenant(ctx.tenant(), canonical), view.model(),
                    path -> links.tenant(ctx.tenant(), path)));
        }
        return view;
    }

    /** The page a request names ({@link #serve(HttpRequest, String, String, Function)}), or the 404 page when it names none. */
    public Mono<HttpResponse<?>> serve(HttpRequest<?> request, String lang, Optional<PublicPage> page) {
        return page.map(p -> serve(request, lang, p.canonicalPath(), p.build())).orElseGet(() -> notFound(request));
    }

    /** The themed 404 page of the request's tenant, in the language of the request's path. */
    @Override
    public Mono<HttpResponse<?>> notFound(HttpRequest<?> request) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return Mono.just(plainNotFound());
        }
        String lang = PublicUrls.languageOf(request.getPath());
        return context(tenant.get(), lang)
                .flatMap(this::notFoundPage)
                .<HttpResponse<?>>map(page -> respond(request, page))
                .onErrorResume(e -> failure(request, tenant.get(), lang, request.getPath(), e));
    }

    private Mono<SiteContext> context(Tenant tenant, String lang) {
        return structures.of(tenant).map(structure -> new SiteContext(tenant, lang, structure,
                themes.get(structure.themeName(tenant)), registry, links, text.of(lang), targets));
    }

    /**
     * A page as a theme version would show it, for the tenant's staff: built and rendered afresh on
     * every request, never read from nor written to the page cache, and marked so that neither
     * browsers nor proxies keep it. Empty when {@code build} finds no such page.
     */
    public Mono<HttpResponse<?>> preview(Tenant tenant, String lang, ThemeSelection selection, String notice,
                                         java.util.function.UnaryOperator<String> previewLinks, Function<SiteContext, Mono<PageView>> build) {
        return preview(structures.of(tenant).map(structure -> new SiteContext(tenant, lang, structure.withTheme(selection),
                themes.get(selection.theme()), registry, this.links, text.of(lang), targets)), notice, previewLinks, build);
    }

    /** As {@link #preview(Tenant, String, ThemeSelection, String, java.util.function.UnaryOperator, Function)}, in the look readers have now. */
    public Mono<HttpResponse<?>> preview(Tenant tenant, String lang, String notice, Function<SiteContext, Mono<PageView>> build) {
        return preview(context(tenant, lang), notice, java.util.function.UnaryOperator.identity(), build);
    }

    private Mono<HttpResponse<?>> preview(Mono<SiteContext> context, String notice, java.util.function.UnaryOperator<String> previewLinks,
                                          Function<SiteContext, Mono<PageView>> build) {
        return context
                .flatMap(ctx -> build.apply(ctx).flatMap(view -> {
                    view.model().put("previewNotice", notice);
                    return render(ctx, view, 200);
                }))
                .map(page -> HttpResponse.ok(previewLinks.apply(new String(page.plain(), java.nio.charset.StandardCharsets.UTF_8))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_TYPE, HTML)
                        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                        .header(HttpHeaders.CONTENT_LANGUAGE, page.lang())
                        .header("X-Robots-Tag", "noindex, nofollow")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "same-origin")
                        .header("Content-Security-Policy", page.contentSecurityPolicy()));
    }

    /**
     * A page built for this request only (a form with what was typed and its errors, a status looked up by code):
     * rendered afresh, never read from nor written to the page cache, and marked {@code no-store}. Empty from
     * {@code build} answers the 404 page.
     */
    public Mono<HttpResponse<?>> fresh(HttpRequest<?> request, String lang, Function<SiteContext, Mono<PageView>> build) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (tenant.isEmpty()) {
            return Mono.just(plainNotFound());
        }
        return budget.charge(tenant.get()).then(context(tenant.get(), lang))
                .flatMap(ctx -> build.apply(ctx).flatMap(view -> render(ctx, view, view.status()))
                        .<HttpResponse<?>>map(page -> HttpResponse.status(HttpStatus.valueOf(page.status())).body(page.plain())
                                .header(HttpHeaders.CONTENT_TYPE, HTML)
                                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                                .header(HttpHeaders.CONTENT_LANGUAGE, page.lang())
                                .header("X-Content-Type-Options", "nosniff")
                                .header("Referrer-Policy", "same-origin")
                                .header("Content-Security-Policy", page.contentSecurityPolicy()))
                        .switchIfEmpty(Mono.defer(() -> notFoundPage(ctx).<HttpResponse<?>>map(page -> respond(request, page)))))
                .onErrorResume(e -> failure(request, tenant.get(), lang, request.getPath(), e));
    }

    /** The 404 page is the same for every missing path of a tenant: rendered once per version and language. */
    private Mono<CachedPage> notFoundPage(SiteContext ctx) {
        PageKey key = new PageKey(ctx.tenant().code(), ctx.tenant().contentVersion(), ctx.tenant().theme(), ctx.lang(),
                NOT_FOUND_PATH);
        return cache.get(key).switchIfEmpty(Mono.defer(() -> render(ctx, errorView(ctx, 404), 404)
                .doOnNext(page -> cache.put(key, page))));
    }

    /** The themed notice for an error status (404, 410, 500, 503), to be served and cached as a page. */
    public PageView errorView(SiteContext ctx, int status) {
        Map<String, String> t = ctx.text();
        String heading = t.get("error." + status + ".heading");
        SiteView site = ctx.site(null, PublicUrls.home(PublicUrls.other(ctx.lang())));
        Map<String, Object> model = ctx.model(site, heading);
        model.put("status", status);
        model.put("heading", heading);
        model.put("message", t.get("error." + status + ".message"));
        return new PageView("error", model, status);
    }

    private Mono<CachedPage> render(SiteContext ctx, PageView view, int status) {
        Locale locale = Locale.forLanguageTag(ctx.lang());
        return Mono.fromCallable(() -> {
                    try {
                        return CachedPage.of(status, ctx.lang(), renderer.render(ctx.theme().name(), view.template(), view.model(), locale));
                    } catch (StackOverflowError e) {
                        // fatal to Reactor: rethrown past the Mono, the request would never be answered
                        throw new IllegalStateException("Template " + view.template() + " recursed too deeply", e);
                    }
                })
                .subscribeOn(render);
    }

    /**
     * A tenant whose schema is lost has nothing to render from: a page still in the cache is served,
     * marked stale ({@code Cache-Status}, RFC 9211); any other answers the 503 notice.
     */
    private Mono<HttpResponse<?>> fromCacheOnly(HttpRequest<?> request, Tenant tenant, PageKey key) {
        return cache.get(key)
                .onErrorResume(e -> Mono.empty())
                .<HttpResponse<?>>map(page -> respond(request, page).header(CACHE_STATUS, STALE))
                .switchIfEmpty(Mono.fromSupplier(() -> UnavailableNotice.of(request, tenant)));
    }

    private Mono<HttpResponse<?>> failure(HttpRequest<?> request, Tenant tenant, String lang, String path, Throwable e) {
        OverRequestLimit over = OverRequestLimit.in(e);
        if (over != null) {
            return Mono.just(TooManyRequestsNotice.response(request, over.retryAfter()));
        }
        TenantUnavailableException unavailable = TenantUnavailableException.in(e);
        if (unavailable != null) {
            // the database or the tenant's schema is not there: nothing to render the themed error page from
            LOG.warn("Public page {} of tenant {} answered 503: {}", path, tenant.code(), unavailable.getMessage());
            return Mono.just(UnavailableNotice.of(request, unavailable));
        }
        LOG.error("Public page {} of tenant {} failed", path, tenant.code(), e);
        return context(tenant, lang)
                .flatMap(ctx -> render(ctx, errorView(ctx, 500), 500))
                .<HttpResponse<?>>map(page -> respond(request, page))
                .onErrorResume(again -> {
                    LOG.error("Error page of tenant {} failed as well", tenant.code(), again);
                    return Mono.just(HttpResponse.serverError().contentType(MediaType.TEXT_PLAIN_TYPE + ";charset=utf-8")
                            .body("Đã xảy ra lỗi. Xin vui lòng thử lại sau."));
                });
    }

    /** Headers of every public page; the body is the stored gzip form when the client takes gzip. */
    MutableHttpResponse<?> respond(HttpRequest<?> request, CachedPage page) {
        boolean gzip = AcceptEncoding.allowsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
        MutableHttpResponse<?> response;
        if (page.status() == 200 && matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), page)) {
            response = HttpResponse.notModified();
        } else {
            response = HttpResponse.status(HttpStatus.valueOf(page.status())).body(gzip ? page.gzip() : page.plain())
                    .header(HttpHeaders.CONTENT_TYPE, HTML);
            if (gzip) {
                // compressed once when stored; Micronaut does not compress a response that names its encoding
                response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        }
        if (page.status() == 200) {
            response.header(HttpHeaders.ETAG, gzip ? page.gzipEtag() : page.etag());
        }
        return response
                .header(HttpHeaders.CACHE_CONTROL, page.status() >= 500 ? "no-store" : publicCacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CONTENT_LANGUAGE, page.lang())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Content-Security-Policy", page.contentSecurityPolicy());
    }

    private static boolean matches(String ifNoneMatch, CachedPage page) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(page.etag()) || t.equals(page.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<?> plainNotFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
    }
}
