package vn.cong.admin.translations;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffMenu;
import vn.cong.content.translations.Translations;
import vn.cong.tenancy.Tenant;

import java.util.Map;

/**
 * The English version of the portal (phiên bản tiếng Anh) [003 Đ3.1, Đ11.9; Decree 42/2022 Art. 7]: which of the pages every
 * portal must have in English are missing, with how to add each. Items get their translations on their own screens.
 */
@Controller("/quan-tri/ban-tieng-anh")
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 55, label = "Bản tiếng Anh")
@Secured(SecurityRule.IS_AUTHENTICATED)
class EnglishPagesController {

    private final Translations translations;
    private final AdminPages pages;

    EnglishPagesController(Translations translations, AdminPages pages) {
        this.translations = translations;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant) {
        return translations.requiredEnglish(tenant).flatMap(required -> pages.page(request, "translations/english", Map.of(
                "required", required,
                "missing", required.stream().filter(r -> !r.present()).toList())));
    }
}
