package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The portal's home page: featured news, a block per top-level section; on the ministry's, the news from the
 * member portals that opted in ({@link MemberNews}) and the member portals.
 */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class HomeController {

    private static final int FEATURED = 4;
    private static final int PER_BLOCK = 4;
    private static final int MEMBERS_ON_HOME = 12;

    private final PublicPages pages;
    private final PublicContent content;
    private final MemberNews memberNews;

    HomeController(PublicPages pages, PublicContent content, MemberNews memberNews) {
        this.pages = pages;
        this.content = content;
        this.memberNews = memberNews;
    }

    @Get("/")
    Mono<HttpResponse<?>> vietnamese(HttpRequest<?> request) {
        return pages.serve(request, "vi", PublicUrls.home("vi"), this::home);
    }

    @Get("/en")
    Mono<HttpResponse<?>> english(HttpRequest<?> request) {
        return pages.serve(request, "en", PublicUrls.home("en"), this::home);
    }

    Mono<PageView> home(SiteContext ctx) {
        SiteStructure structure = ctx.structure();
        List<SectionNode> blocks = structure.roots().stream().filter(SectionNode::visible).toList();
        List<Long> sectionIds = new ArrayList<>();
        List<Long> rootIds = new ArrayList<>();
        for (SectionNode root : blocks) {
            for (Long id : structure.subtreeIds(root)) {
                if (structure.isPublic(structure.byId().get(id))) {
                    sectionIds.add(id);
                    rootIds.add(root.id());
                }
            }
        }
        return content.home(ctx.tenant(), ctx.lang(), FEATURED, sectionIds.toArray(Long[]::new), rootIds.toArray(Long[]::new), PER_BLOCK)
                .zipWith(memberNews.latest(ctx.tenant(), ctx.lang()))
                .map(found -> {
                    PublicContent.HomeContent home = found.getT1();
                    SiteView site = ctx.site(null, PublicUrls.home(PublicUrls.other(ctx.lang())));
                    Map<String, Object> model = ctx.model(site, site.name());
                    model.put("featured", ctx.cards(home.featured()));
                    model.put("blocks", blocks.stream().map(root -> new SectionBlock(root.name(ctx.lang()),
                            PublicUrls.section(ctx.lang(), root.slug()),
                            ctx.cards(home.blocks().stream().filter(r -> root.id() == r.rootId()).toList()))).toList());
                    if (site.ministry()) {
                        List<MemberLink> members = new ArrayList<>(ctx.hostedMembers());
                        members.addAll(ctx.independentMembers());
                        model.put("members", members.subList(0, Math.min(MEMBERS_ON_HOME, members.size())));
                        model.put("directoryUrl", PublicUrls.directory(ctx.lang()));
                        model.put("memberNews", found.getT2());
                    }
                    return new PageView("home", model);
                });
    }
}
