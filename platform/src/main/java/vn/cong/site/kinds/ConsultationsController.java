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
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.content.consultations.Consultations;
import vn.cong.site.PageView;
import vn.cong.site.PublicPage;
import vn.cong.site.PublicPages;
import vn.cong.site.SiteConfiguration;
import vn.cong.site.SiteContext;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts for public consultation: a list ({@code ?tinh-trang=dang-lay-y-kien|da-ket-thuc|sap-mo}) and a
 * page per draft saying, in Vietnam time, whether comments are open now and where to send them.
 */
@Produces(MediaType.TEXT_HTML)
@Controller
class ConsultationsController {

    private final PublicPages pages;
    private final Consultations consultations;
    private final SiteConfiguration config;

    ConsultationsController(PublicPages pages, Consultations consultations, SiteConfiguration config) {
        this.pages = pages;
        this.consultations = consultations;
        this.config = config;
    }

    /** A consultation as the list and the page show it. */
    record Card(String url, String title, String summary, String opens, String opensIso, String closes, String closesIso,
                String phaseSlug, String phase, boolean open) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    @Get("/du-thao")
    Mono<HttpResponse<?>> listVi(HttpRequest<?> request, @Nullable @QueryValue("tinh-trang") String phase, @Nullable @QueryValue String trang) {
        return list(request, "vi", phase, trang);
    }

    @Get("/en/du-thao")
    Mono<HttpResponse<?>> listEn(HttpRequest<?> request, @Nullable @QueryValue("tinh-trang") String phase, @Nullable @QueryValue String trang) {
        return list(request, "en", phase, trang);
    }

    @Get("/du-thao/{slug}")
    Mono<HttpResponse<?>> detailVi(HttpRequest<?> request, @PathVariable String slug) {
        return detail(request, "vi", slug);
    }

    @Get("/en/du-thao/{slug}")
    Mono<HttpResponse<?>> detailEn(HttpRequest<?> request, @PathVariable String slug) {
        return detail(request, "en", slug);
    }

    private Mono<HttpResponse<?>> list(HttpRequest<?> request, String lang, @Nullable String phase, @Nullable String trang) {
        return pages.serve(request, lang, listPage(lang, phase, trang));
    }

    /** The list page the phase filter and page number name; empty when one is malformed. */
    Optional<PublicPage> listPage(String lang, @Nullable String phase, @Nullable String trang) {
        Optional<ConsultationPhase> p = phase == null || phase.isEmpty() ? Optional.empty() : ConsultationPhase.ofSlug(phase);
        if ((phase != null && !phase.isEmpty() && p.isEmpty()) || (trang != null && !ListPages.PAGE.matcher(trang).matches())) {
            return Optional.empty();
        }
        int page = trang == null ? 1 : Integer.parseInt(trang);
        String base = KindUrls.consultations(lang) + p.map(x -> "?tinh-trang=" + x.slug()).orElse("");
        java.util.function.IntFunction<String> url = n -> n <= 1 ? base : base + (p.isPresent() ? "&" : "?") + "trang=" + n;
        return Optional.of(new PublicPage(url.apply(page), ctx -> consultations.published(ctx.tenant(), lang, p.orElse(null), page, config.pageSize())
                .flatMap(found -> {
                    int totalPages = (int) Math.max(1, (found.total() + config.pageSize() - 1) / config.pageSize());
                    if (page > totalPages) {
                        return Mono.empty();
                    }
                    Map<String, Object> model = ctx.model(ctx.site(null, KindUrls.consultations(KindUrls.other(lang))), ctx.text().get("consultations.heading"));
                    model.put("listUrl", KindUrls.consultations(lang));
                    model.put("consultations", found.items().stream().map(c -> card(lang, c)).toList());
                    model.put("phases", Arrays.stream(ConsultationPhase.values())
                            .map(x -> new Choice(x.slug(), x.label(lang), p.orElse(null) == x)).toList());
                    model.put("filtered", p.isPresent());
                    model.put("pagination", ListPages.pagination(page, totalPages, url));
                    return Mono.just(new PageView("consultations", model));
                })));
    }

    private Mono<HttpResponse<?>> detail(HttpRequest<?> request, String lang, String slug) {
        return pages.serve(request, lang, detailPage(lang, slug));
    }

    Optional<PublicPage> detailPage(String lang, String slug) {
        if (!ListPages.isSlug(slug)) {
            return Optional.empty();
        }
        return Optional.of(new PublicPage(KindUrls.consultation(lang, slug), ctx -> consultations.detail(ctx.tenant(), lang, slug)
                .flatMap(found -> found.map(d -> {
                    Consultations.Consultation c = d.consultation();
                    Map<String, Object> model = ctx.model(ctx.site(null, KindUrls.consultations(KindUrls.other(lang))), c.title());
                    model.put("listUrl", KindUrls.consultations(lang));
                    model.put("consultation", card(lang, c));
                    model.put("bodyHtml", c.bodyHtml());
                    model.put("commentEmail", c.fields().commentEmail());
                    model.put("commentAddress", c.fields().commentAddress());
                    model.put("attachments", d.attachments());
                    return Mono.just(new PageView("consultation", model));
                }).orElseGet(Mono::empty))));
    }

    private static Card card(String lang, Consultations.Consultation c) {
        ConsultationPhase phase = ConsultationPhase.at(Instant.now(), c.fields().opensAt(), c.fields().closesAt());
        return new Card(KindUrls.consultation(lang, c.slug()), c.title(), c.summary(),
                SiteContext.shown(c.fields().opensAt()), SiteContext.iso(c.fields().opensAt()),
                SiteContext.shown(c.fields().closesAt()), SiteContext.iso(c.fields().closesAt()),
                phase.slug(), phase.label(lang), phase == ConsultationPhase.OPEN);
    }
}
