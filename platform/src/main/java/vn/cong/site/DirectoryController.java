package vn.cong.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The ministry's directory of member portals: those hosted on the platform (tenants whose parent
 * it is) and independent sites that are only linked. Member portals have none (404).
 */
@Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
class DirectoryController {

    private final PublicPages pages;

    DirectoryController(PublicPages pages) {
        this.pages = pages;
    }

    @Get("/don-vi")
    Mono<HttpResponse<?>> vietnamese(HttpRequest<?> request) {
        return pages.serve(request, "vi", PublicUrls.directory("vi"), DirectoryController::model);
    }

    @Get("/en/don-vi")
    Mono<HttpResponse<?>> english(HttpRequest<?> request) {
        return pages.serve(request, "en", PublicUrls.directory("en"), DirectoryController::model);
    }

    static Mono<PageView> model(SiteContext ctx) {
        if (!ctx.tenant().isMinistry()) {
            return Mono.empty();
        }
        SiteView site = ctx.site(null, PublicUrls.directory(PublicUrls.other(ctx.lang())));
        Map<String, Object> model = ctx.model(site, ctx.text().get("directory.heading"));
        model.put("hosted", ctx.hostedMembers());
        model.put("independent", ctx.independentMembers());
        return Mono.just(new PageView("directory", model));
    }
}
