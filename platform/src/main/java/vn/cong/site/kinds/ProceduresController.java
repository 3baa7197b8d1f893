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
import vn.cong.content.procedures.Procedures;
import vn.cong.site.PageView;
import vn.cong.site.PublicPage;
import vn.cong.site.PublicPages;
import vn.cong.site.SiteConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Administrative procedures and online public services: a list filtered by service level, field and
 * unit ({@code ?muc-do=3&linh-vuc=…&don-vi=…}), and a page per procedure with the link to the service.
 */
@Produces(MediaType.TEXT_HTML)
@Controller
class ProceduresController {

    private final PublicPages pages;
    private final Procedures procedures;
    private final SiteConfiguration config;

    ProceduresController(PublicPages pages, Procedures procedures, SiteConfiguration config) {
        this.pages = pages;
        this.procedures = procedures;
        this.config = config;
    }

    record Card(String url, String title, int level, String field, String unit, String onlineUrl) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    @Get("/thu-tuc")
    Mono<HttpResponse<?>> listVi(HttpRequest<?> request, @Nullable @QueryValue("muc-do") String level,
                                 @Nullable @QueryValue("linh-vuc") String field, @Nullable @QueryValue("don-vi") String unit,
                                 @Nullable @QueryValue String trang) {
        return list(request, "vi", level, field, unit, trang);
    }

    @Get("/en/thu-tuc")
    Mono<HttpResponse<?>> listEn(HttpRequest<?> request, @Nullable @QueryValue("muc-do") String level,
                                 @Nullable @QueryValue("linh-vuc") String field, @Nullable @QueryValue("don-vi") String unit,
                                 @Nullable @QueryValue String trang) {
        return list(request, "en", level, field, unit, trang);
    }

    @Get("/thu-tuc/{slug}")
    Mono<HttpResponse<?>> detailVi(HttpRequest<?> request, @PathVariable String slug) {
        return detail(request, "vi", slug);
    }

    @Get("/en/thu-tuc/{slug}")
    Mono<HttpResponse<?>> detailEn(HttpRequest<?> request, @PathVariable String slug) {
        return detail(request, "en", slug);
    }

    private Mono<HttpResponse<?>> list(HttpRequest<?> request, String lang, @Nullable String level, @Nullable String field,
                                       @Nullable String unit, @Nullable String trang) {
        return pages.serve(request, lang, listPage(lang, level, field, unit, trang));
    }

    /** The list page the filter values name; empty when one is malformed. */
    Optional<PublicPage> listPage(String lang, @Nullable String level, @Nullable String field, @Nullable String unit, @Nullable String trang) {
        boolean hasLevel = level != null && !level.isEmpty();
        String fieldName = ListPages.text(field);
        String unitName = ListPages.text(unit);
        if ((hasLevel && !level.matches("[234]")) || (field != null && !field.isEmpty() && fieldName == null)
                || (unit != null && !unit.isEmpty() && unitName == null) || (trang != null && !ListPages.PAGE.matcher(trang).matches())) {
            return Optional.empty();
        }
        Procedures.Filter filter = new Procedures.Filter(hasLevel ? Integer.valueOf(level) : null, fieldName, unitName);
        int page = trang == null ? 1 : Integer.parseInt(trang);
        IntFunction<String> url = n -> KindUrls.procedures(lang) + ListPages.query("muc-do", hasLevel ? level : null, "linh-vuc", fieldName,
                "don-vi", unitName, "trang", n > 1 ? String.valueOf(n) : null);
        return Optional.of(new PublicPage(url.apply(page), ctx -> procedures.published(ctx.tenant(), lang, filter, page, config.pageSize())
                .flatMap(found -> {
                    // values the tenant's procedures do not have are not pages (one shared 404, no cache entry each)
                    if ((fieldName != null && !found.options().fields().contains(fieldName))
                            || (unitName != null && !found.options().units().contains(unitName))) {
                        return Mono.empty();
                    }
                    int totalPages = (int) Math.max(1, (found.total() + config.pageSize() - 1) / config.pageSize());
                    if (page > totalPages) {
                        return Mono.empty();
                    }
                    Map<String, Object> model = ctx.model(ctx.site(null, KindUrls.procedures(KindUrls.other(lang))), ctx.text().get("procedures.heading"));
                    model.put("listUrl", KindUrls.procedures(lang));
                    model.put("procedures", found.items().stream().map(p -> card(lang, p)).toList());
                    model.put("total", found.total());
                    model.put("levels", List.of(2, 3, 4).stream().map(n -> new Choice(String.valueOf(n),
                            ctx.text().get("procedures.level") + " " + n, Integer.valueOf(n).equals(filter.level()))).toList());
                    model.put("fields", found.options().fields().stream().map(x -> new Choice(x, x, x.equals(fieldName))).toList());
                    model.put("units", found.options().units().stream().map(x -> new Choice(x, x, x.equals(unitName))).toList());
                    model.put("filtered", hasLevel || fieldName != null || unitName != null);
                    model.put("pagination", ListPages.pagination(page, totalPages, url));
                    return Mono.just(new PageView("procedures", model));
                })));
    }

    private Mono<HttpResponse<?>> detail(HttpRequest<?> request, String lang, String slug) {
        return pages.serve(request, lang, detailPage(lang, slug));
    }

    Optional<PublicPage> detailPage(String lang, String slug) {
        if (!ListPages.isSlug(slug)) {
            return Optional.empty();
        }
        return Optional.of(new PublicPage(KindUrls.procedure(lang, slug), ctx -> procedures.detail(ctx.tenant(), lang, slug)
                .flatMap(found -> found.map(d -> {
                    Procedures.Procedure p = d.procedure();
                    Map<String, Object> model = ctx.model(ctx.site(null, KindUrls.procedures(KindUrls.other(lang))), p.title());
                    model.put("listUrl", KindUrls.procedures(lang));
                    model.put("procedure", card(lang, p));
                    model.put("summary", p.summary());
                    model.put("processingTime", p.fields().processingTime());
                    model.put("fees", p.fields().fees());
                    model.put("requiredDocuments", p.fields().requiredDocuments());
                    model.put("bodyHtml", p.bodyHtml());
                    model.put("attachments", d.attachments());
                    return Mono.just(new PageView("procedure", model));
                }).orElseGet(Mono::empty))));
    }

    private static Card card(String lang, Procedures.Procedure p) {
        return new Card(KindUrls.procedure(lang, p.slug()), p.title(), p.fields().serviceLevel(), p.fields().field(), p.fields().unit(),
                p.fields().onlineUrl());
    }

}
