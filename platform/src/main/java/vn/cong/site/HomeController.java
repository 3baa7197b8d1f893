package vn.cong.site;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import vn.cong.tenancy.Tenant;

/** Placeholder home page until the site package renders themes. */
@Controller
class HomeController {

    @Get("/")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    String home(Tenant tenant) {
        return tenant.nameVi();
    }
}
