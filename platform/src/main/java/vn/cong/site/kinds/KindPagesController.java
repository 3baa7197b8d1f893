package vn.cong.site.kinds;

import io.micronaut.context.annotation.Executable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.kinds.ContentKind;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.content.kinds.PublicValues;
import vn.cong.content.kinds.PublicView;
import vn.cong.site.PageView;
import vn.cong.site.PublicPage;
import vn.cong.site.PublicPages;
import vn.cong.site.SiteConfiguration;
import vn.cong.site.SiteContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The public list and item pages of every declared content kind, at the kind's {@code publicPath}
 * ({@code /van-ban}, {@code /van-ban/<slug>}, the same under {@code /en}): {@link KindPageRoutes} routes
 * each kind's addresses here at start-up. The kind reads its filters and rows; the pages are drawn by
 * the theme's one list template ({@code kind-list}) and one item template ({@code kind-item}).
 */
@Singleton
class KindPagesController {

    private final PublicPages pages;
    private final SiteConfiguration config;
    private final Map<String, ContentKind<?>> byPath = new HashMap<>();
    private final List<ItemPageAddition> additions;
    private final vn.cong.site.TranslationLinks translations;

    KindPagesController(PublicPages pages, ContentKinds kinds, SiteConfiguration config, List<ItemPageAddition> additions,
                        vn.cong.site.TranslationLinks translations) {
        this.pages = pages;
        this.translations = translations;
        this.config = config;
        this.additions = additions;
        kinds.all().forEach(k -> byPath.put(k.declaration().publicPath(), k));
    }

    @Executable
    Mono<HttpResponse<?>> list(HttpRequest<?> request) {
        String lang = language(request);
        return pages.serve(request, lang, kind(request, lang, false).flatMap(k -> listPage(k, lang, queryOf(request))));
    }

    @Executable
    Mono<HttpResponse<?>> item(HttpRequest<?> request, String slug) {
        String lang = language(request);
        return pages.serve(request, lang, kind(request, lang, true).flatMap(k -> itemPage(k, lang, slug)));
    }

    /** The print view (bản in) of an item: {@code <publicPath>/<slug>/in}. */
    @Executable
    Mono<HttpResponse<?>> print(HttpRequest<?> request, String slug) {
        String lang = language(request);
        String path = request.getPath().substring("en".equals(lang) ? 3 : 0);
        String list = path.substring(0, path.lastIndexOf('/', path.length() - "/in".length() - 1));
        return pages.serve(request, lang, kindAt(list).flatMap(k -> itemPage(k, lang, slug)).map(PublicPage::printed));
    }

    /** The kind whose list is at {@code path} ({@code /van-ban}, without {@code /en}), for the theme preview. */
    Optional<ContentKind<?>> kindAt(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The list page the query values name; empty when one is malformed. */
    Optional<PublicPage> listPage(ContentKind<?> kind, String lang, Map<String, String> query) {
        String trang = query.get("trang");
        if (trang != null && !ListPages.PAGE.matcher(trang).matches()) {
            return Optional.empty();
        }
        int page = trang == null ? 1 : Integer.parseInt(trang);
        KindDeclaration d = kind.declaration();
        return kind.listQuery(query).map(q -> {
            IntFunction<String> url = n -> d.publicList(lang) + q.query() + (n <= 1 ? "" : (q.query().isEmpty() ? "?" : "&") + "trang=" + n);
            return new PublicPage(url.apply(page), ctx -> kind.listing(ctx.tenant(), lang, q, page, config.pageSize()).flatMap(found -> {
                int totalPages = (int) Math.max(1, (found.total() + config.pageSize() - 1) / config.pageSize());
                if (page > totalPages) {
                    return Mono.empty();
                }
                String messages = d.list().messages();
                Map<String, Object> model = ctx.model(ctx.site(null, d.publicList(KindUrls.other(lang)) + (q.acrossLanguages() ? q.query() : "")),
                        ctx.text().get(messages + ".heading"));
                model.put("kind", d);
                model.put("listUrl", d.publicList(lang));
                model.put("listing", found);
                model.put("filters", d.filters().stream().map(f -> new Filter(f.id(), f.parameter(), ctx.text().get(f.labelKey()),
                        found.choices().getOrDefault(f.parameter(), List.of()).stream().map(c -> shown(ctx, c)).toList())).toList());
                model.put("pagination", ListPages.pagination(page, totalPages, url));
                return Mono.just(new PageView("kind-list", model));
            }));
        });
    }

    Optional<PublicPage> itemPage(ContentKind<?> kind, String lang, String slug) {
        if (!PublicValues.isSlug(slug)) {
            return Optional.empty();
        }
        KindDeclaration d = kind.declaration();
        return Optional.of(new PublicPage(d.publicUrl(lang, slug), ctx -> kind.item(ctx.tenant(), lang, slug)
                .zipWith(translations.of(ctx.tenant(), lang, slug, d.publicUrl(lang, slug))).flatMap(found -> {
            PublicView.Item item = found.getT1();
            // the switcher leads to the linked translation, else to the other language's home
            Map<String, Object> model = ctx.model(ctx.site(null, found.getT2().map(vn.cong.site.TranslationLinks.Linked::otherPath)
                    .orElse(vn.cong.site.PublicUrls.home(KindUrls.other(lang)))), item.pageTitle());
            found.getT2().ifPresent(linked -> model.put("translations", linked.alternates()));
            model.put("kind", d);
            model.put("listUrl", d.publicList(lang));
            model.put("item", item);
            model.put(vn.cong.site.PageMeta.DESCRIPTION, item.summary());
            model.put(vn.cong.site.PageMeta.TYPE, "article");
            model.put("badge", item.badge() == null ? null : shown(ctx, item.badge()));
            return reactor.core.publisher.Flux.fromIterable(additions).filter(a -> a.kind().equals(d.kind()))
                    .concatMap(a -> a.model(ctx, lang, slug))
                    .doOnNext(model::putAll)
                    .then(Mono.fromSupplier(() -> new PageView("kind-item", model)));
        })));
    }

    /** One drop-down of the filter form, its label and choices in the reader's language. */
    record Filter(String id, String name, String label, List<PublicView.Choice> choices) {
    }

    private static PublicView.Choice shown(SiteContext ctx, PublicView.Choice c) {
        return c.labelKey() == null ? c : new PublicView.Choice(c.value(), ctx.text().get(c.labelKey()) + " " + c.label(), c.selected());
    }

    private static PublicView.Badge shown(SiteContext ctx, PublicView.Badge b) {
        return b.labelKey() == null ? b : new PublicView.Badge(ctx.text().get(b.labelKey()) + " " + b.text(), b.slug());
    }

    private Optional<ContentKind<?>> kind(HttpRequest<?> request, String lang, boolean item) {
        String path = request.getPath().substring("en".equals(lang) ? 3 : 0);
        return kindAt(item ? path.substring(0, path.lastIndexOf('/')) : path);
    }

    private static String language(HttpRequest<?> request) {
        return request.getPath().startsWith("/en/") ? "en" : "vi";
    }

    private static Map<String, String> queryOf(HttpRequest<?> request) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return query;
    }
}
