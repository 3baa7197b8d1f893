package vn.cong.admin.kinds;

import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;
import vn.cong.admin.StaffAccount;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.tenancy.Tenant;
import vn.cong.web.TokenOnlyForm;

import java.util.Map;

/**
 * Routes the staff addresses of every declared content kind to {@link KindsController}, once at start-up:
 * {@code <staffPath>} (list, create), {@code /moi} (new), {@code /<id>} (edit, save), {@code /<id>/dang} (publish).
 */
@Singleton
class KindRoutes extends DefaultRouteBuilder {

    KindRoutes(ExecutionHandleLocator locator, UriNamingStrategy naming, ConversionService conversion, ContentKinds kinds) {
        super(locator, naming, conversion);
        for (var kind : kinds.all()) {
            String base = kind.declaration().staffPath();
            GET(base, KindsController.class, "list", HttpRequest.class, Tenant.class, StaffAccount.class).produces(MediaType.TEXT_HTML_TYPE);
            GET(base + "/moi", KindsController.class, "newForm", HttpRequest.class, Tenant.class, StaffAccount.class)
                    .produces(MediaType.TEXT_HTML_TYPE);
            POST(base, KindsController.class, "create", HttpRequest.class, Tenant.class, StaffAccount.class, Map.class)
                    .consumes(MediaType.APPLICATION_FORM_URLENCODED_TYPE).produces(MediaType.TEXT_HTML_TYPE);
            GET(base + "/{id}", KindsController.class, "edit", HttpRequest.class, Tenant.class, StaffAccount.class, long.class, String.class)
                    .produces(MediaType.TEXT_HTML_TYPE);
            POST(base + "/{id}", KindsController.class, "update", HttpRequest.class, Tenant.class, StaffAccount.class, long.class, Map.class)
                    .consumes(MediaType.APPLICATION_FORM_URLENCODED_TYPE).produces(MediaType.TEXT_HTML_TYPE);
            POST(base + "/{id}/dang", KindsController.class, "publish", HttpRequest.class, Tenant.class, StaffAccount.class, long.class,
                    TokenOnlyForm.class)
                    .consumes(MediaType.APPLICATION_FORM_URLENCODED_TYPE).produces(MediaType.TEXT_HTML_TYPE);
        }
    }
}
