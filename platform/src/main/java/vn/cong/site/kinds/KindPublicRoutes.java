package vn.cong.site.kinds;

import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;
import vn.cong.content.kinds.ContentKinds;

/**
 * Routes the public addresses of every declared content kind to {@link KindPagesController}, once at
 * start-up: {@code <publicPath>}, {@code <publicPath>/<slug>} and its print view {@code <publicPath>/<slug>/in}, the same under {@code /en}.
 */
@Singleton
class KindPublicRoutes extends DefaultRouteBuilder {

    KindPublicRoutes(ExecutionHandleLocator locator, UriNamingStrategy naming, ConversionService conversion, ContentKinds kinds) {
        super(locator, naming, conversion);
        for (var kind : kinds.all()) {
            String path = kind.declaration().publicPath();
            for (String base : new String[] {path, "/en" + path}) {
                GET(base, KindPagesController.class, "list", HttpRequest.class).produces(MediaType.TEXT_HTML_TYPE);
                GET(base + "/{slug}", KindPagesController.class, "item", HttpRequest.class, String.class).produces(MediaType.TEXT_HTML_TYPE);
                GET(base + "/{slug}/in", KindPagesController.class, "print", HttpRequest.class, String.class).produces(MediaType.TEXT_HTML_TYPE);
            }
        }
    }
}
