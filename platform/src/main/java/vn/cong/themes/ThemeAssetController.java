package vn.cong.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import vn.cong.system.AcceptEncoding;

/**
 * A theme's static files under {@code /static/<theme>/<fingerprint>/<path>}, served from memory.
 * The fingerprint changes with the files, so the current one may be cached for a year; a request
 * for an outdated fingerprint still gets the current file, but only for a short while.
 */
@Produces(io.micronaut.http.MediaType.ALL)
@Controller("/static")
class ThemeAssetController {

    private static final String YEAR = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=300";

    private final Themes themes;

    ThemeAssetController(Themes themes) {
        this.themes = themes;
    }

    @Get("/{theme}/{fingerprint}/{+path}")
    HttpResponse<?> asset(@PathVariable String theme, @PathVariable String fingerprint, @PathVariable String path,
                          @Nullable @Header(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        if (!themes.exists(theme)) {
            return notFound();
        }
        Theme t = themes.get(theme);
        StaticAsset asset = t.assets().get(path);
        if (asset == null) {
            return notFound();
        }
        boolean gzip = asset.gzip() != null && AcceptEncoding.allowsGzip(acceptEncoding);
        MutableHttpResponse<byte[]> response = HttpResponse.ok(gzip ? asset.gzip() : asset.plain())
                .contentType(MediaType.of(asset.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, t.fingerprint().equals(fingerprint) ? YEAR : SHORT)
                .header("X-Content-Type-Options", "nosniff");
        if (asset.gzip() != null) {
            response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (gzip) {
            // already compressed once at load time; Micronaut leaves a response with Content-Encoding alone
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response;
    }

    private static HttpResponse<?> notFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
    }
}
