package vn.cong.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The console's own few styles (on top of the staff area's stylesheet), read once and served from memory. */
@Controller(Console.ASSETS)
@Secured(SecurityRule.IS_ANONYMOUS)
final class ConsoleAssetsController {

    private final byte[] css;

    ConsoleAssetsController() {
        try (InputStream in = ConsoleAssetsController.class.getClassLoader().getResourceAsStream("views/admin/console/console.css")) {
            this.css = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/console.css")
    MutableHttpResponse<byte[]> css() {
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8").header("Cache-Control", "public, max-age=3600");
    }
}
