package vn.cong.admin.kinds;

import io.micronaut.context.annotation.Executable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffAccount;
import vn.cong.content.kinds.ContentKind;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The staff screens of every declared content kind (list, new, create, edit, save, publish) at the
 * kind's {@code staffPath}: {@link KindRoutes} routes each kind's addresses here at start-up, and the
 * kind is found again from the address the request came to.
 */
@Singleton
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class KindsController {

    private final List<ContentKind<?>> kinds;
    private final KindEditor editor;

    KindsController(ContentKinds kinds, KindEditor editor) {
        // longest address first, so that a kind under another's address is found before it
        this.kinds = kinds.all().stream()
                .sorted(Comparator.comparingInt((ContentKind<?> k) -> k.declaration().staffPath().length()).reversed()).toList();
        this.editor = editor;
    }

    @Executable
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return opened(request, me, kind -> editor.list(request, tenant, kind));
    }

    @Executable
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return opened(request, me, kind -> editor.newForm(request, tenant, me, kind));
    }

    @Executable
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body Map<String, String> form) {
        return opened(request, me, kind -> editor.create(request, tenant, me, kind, form));
    }

    @Executable
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return opened(request, me, kind -> editor.edit(request, tenant, me, kind, id, thongbao));
    }

    @Executable
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body Map<String, String> form) {
        return opened(request, me, kind -> editor.update(request, tenant, me, kind, id, form));
    }

    @Executable
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return opened(request, me, kind -> editor.publish(request, tenant, me, kind, id));
    }

    /** Runs {@code screen} for the request's kind when the kind's declared roles open it to {@code me}; refuses otherwise. */
    private Mono<MutableHttpResponse<String>> opened(HttpRequest<?> request, StaffAccount me,
                                                     Function<ContentKind<Object>, Mono<MutableHttpResponse<String>>> screen) {
        ContentKind<Object> kind = kindOf(request);
        Set<String> roles = kind.declaration().menu().roles();
        if (!roles.isEmpty() && roles.stream().map(Role::of).noneMatch(me::hasRole)) {
            return editor.refused(request, kind);
        }
        return screen.apply(kind);
    }

    /** The kind whose address the request came to (only the kinds' own addresses are routed here). */
    @SuppressWarnings("unchecked")
    private ContentKind<Object> kindOf(HttpRequest<?> request) {
        String path = request.getPath();
        for (ContentKind<?> kind : kinds) {
            String base = kind.declaration().staffPath();
            if (path.equals(base) || path.startsWith(base + "/")) {
                return (ContentKind<Object>) kind;
            }
        }
        throw new IllegalStateException("no content kind at " + path);
    }
}
