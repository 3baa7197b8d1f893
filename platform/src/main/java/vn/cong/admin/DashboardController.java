package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;

import java.util.Map;

/** The staff home page: who is logged in, with which roles, and where to go from here. */
@Controller("/quan-tri")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class DashboardController {

    private final AdminPages pages;

    DashboardController(AdminPages pages) {
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> dashboard(HttpRequest<?> request, StaffAccount me) {
        return pages.page(request, "dashboard", Map.of("me", me));
    }
}
