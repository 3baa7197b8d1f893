package vn.cong.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The staff area's one stylesheet, read once and served from memory. */
@Controller(StaffAreaFilter.ASSETS)
@Secured(SecurityRule.IS_ANONYMOUS)
final class AdminAssetsController {

    private final byte[] css;

    AdminAssetsController() {
        try (InputStream in = AdminAssetsController.class.getClassLoader().getResourceAsStream("views/admin/admin.css")) {
            this.css = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/admin.css")
    MutableHttpResponse<byte[]> css() {
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8").header("Cache-Control", "public, max-age=3600");
    }
}
