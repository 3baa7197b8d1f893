package vn.cong.site.kinds;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import reactor.core.publisher.Mono;
import vn.cong.content.about.AboutEntries;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.site.PageView;
import vn.cong.site.PublicPage;
import vn.cong.site.PublicPages;
import vn.cong.site.SiteContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The about pages under stable addresses: {@code /gioi-thieu} (introduction) and
 * {@code /gioi-thieu/chuc-nang-nhiem-vu}, {@code lich-su}, {@code lien-he}, {@code lanh-dao},
 * {@code co-cau-to-chuc}, {@code danh-ba}; the same under {@code /en}.
 */
@Produces(MediaType.TEXT_HTML)
@Controller
class AboutController {

    private static final List<String> LISTS = List.of("lanh-dao", "co-cau-to-chuc", "danh-ba");

    private final PublicPages pages;
    private final AboutPages about;
    private final vn.cong.site.TranslationLinks translations;

    AboutController(PublicPages pages, AboutPages about, vn.cong.site.TranslationLinks translations) {
        this.pages = pages;
        this.about = about;
        this.translations = translations;
    }

    /** A link of the about pages' own menu. */
    record Link(String url, String label, boolean current) {
    }

    /** A unit of the organisation chart with the units under it. */
    record UnitNode(String name, String duties, List<UnitNode> children) {
    }

    @Get("/gioi-thieu")
    Mono<HttpResponse<?>> introVi(HttpRequest<?> request) {
        return page(request, "vi", "");
    }

    @Get("/en/gioi-thieu")
    Mono<HttpResponse<?>> introEn(HttpRequest<?> request) {
        return page(request, "en", "");
    }

    @Get("/gioi-thieu/{page}")
    Mono<HttpResponse<?>> vi(HttpRequest<?> request, @PathVariable String page) {
        return page(request, "vi", page);
    }

    @Get("/en/gioi-thieu/{page}")
    Mono<HttpResponse<?>> en(HttpRequest<?> request, @PathVariable String page) {
        return page(request, "en", page);
    }

    private Mono<HttpResponse<?>> page(HttpRequest<?> request, String lang, String page) {
        return pages.serve(request, lang, aboutPage(lang, page));
    }

    /** The about page at {@code /gioi-thieu/<page>} ({@code ""} for the introduction); empty when there is none. */
    Optional<PublicPage> aboutPage(String lang, String page) {
        boolean text = StandingRole.ofPath(page).isPresent();
        if (!text && !LISTS.contains(page)) {
            return Optional.empty();
        }
        return Optional.of(new PublicPage(KindUrls.about(lang, page), ctx -> (text ? textModel(ctx, StandingRole.ofPath(page).get())
                : listModel(ctx, page)).map(model -> {
                    model.put("aboutNav", nav(ctx, page));
                    model.put("aboutUrl", KindUrls.about(lang, ""));
                    return new PageView("about", model);
                })));
    }

    /**
     * A text page; one nobody has published yet still answers (these addresses are linked from every
     * page's footer) and says there is no information yet.
     */
    private Mono<Map<String, Object>> textModel(SiteContext ctx, StandingRole role) {
        return about.published(ctx.tenant(), role, ctx.lang())
                .zipWith(translations.of(ctx.tenant(), ctx.lang(), role.slug(), KindUrls.about(ctx.lang(), role.path()))).map(both -> {
            Optional<AboutPages.TextPage> found = both.getT1();
            // a linked translation leads the switcher (and gives the hreflang links); else the same page in the other language
            String other = both.getT2().map(vn.cong.site.TranslationLinks.Linked::otherPath)
                    .orElse(KindUrls.about(KindUrls.other(ctx.lang()), role.path()));
            String heading = found.map(AboutPages.TextPage::title).orElse(role.label(ctx.lang()));
            Map<String, Object> model = ctx.model(ctx.site(null, other), heading);
            both.getT2().filter(l -> found.isPresent()).ifPresent(linked -> model.put("translations", linked.alternates()));
            model.put("view", "text");
            model.put("heading", heading);
            model.put("bodyHtml", found.map(AboutPages.TextPage::bodyHtml).orElse(""));
            return model;
        });
    }

    private Mono<Map<String, Object>> listModel(SiteContext ctx, String page) {
        Map<String, String> t = ctx.text();
        String lang = ctx.lang();
        String heading = t.get("about." + page);
        Map<String, Object> model = ctx.model(ctx.site(null, KindUrls.about(KindUrls.other(lang), page)), heading);
        model.put("view", page);
        model.put("heading", heading);
        return switch (page) {
            case "lanh-dao" -> about.leaders(ctx.tenant()).map(l -> with(model, "leaders", l));
            case "co-cau-to-chuc" -> about.units(ctx.tenant()).map(u -> with(model, "units", tree(u, null)));
            default -> about.phones(ctx.tenant()).map(p -> with(model, "phones", p));
        };
    }

    private static Map<String, Object> with(Map<String, Object> model, String key, Object value) {
        model.put(key, value);
        return model;
    }

    /** The units under {@code parentId}, each with its own subtree, in the editors' order. */
    static List<UnitNode> tree(List<AboutEntries.Unit> units, Long parentId) {
        List<UnitNode> nodes = new ArrayList<>();
        for (AboutEntries.Unit u : units) {
            if (java.util.Objects.equals(u.parentId(), parentId)) {
                nodes.add(new UnitNode(u.name(), u.duties(), tree(units, u.id())));
            }
        }
        return nodes;
    }

    private static List<Link> nav(SiteContext ctx, String current) {
        List<Link> links = new ArrayList<>();
        for (StandingRole role : StandingRole.values()) {
            links.add(new Link(KindUrls.about(ctx.lang(), role.path()), role.label(ctx.lang()), role.path().equals(current)));
        }
        for (String list : LISTS) {
            links.add(new Link(KindUrls.about(ctx.lang(), list), ctx.text().get("about." + list), list.equals(current)));
        }
        return links;
    }
}
