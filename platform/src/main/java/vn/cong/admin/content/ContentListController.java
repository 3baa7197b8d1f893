package vn.cong.admin.content;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.tenancy.Tenant;

/** Every content item the person may work with, of every kind, in one list to search, filter and act on in bulk. */
@Controller(ContentListing.ALL)
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 5, label = "Tất cả nội dung")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ContentListController {

    private final ContentListScreen screen;

    ContentListController(ContentListScreen screen) {
        this.screen = screen;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return screen.show(request, tenant, ContentListing.all(screen.kindsFor(me)), null);
    }
}
