package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.PageTemplates;
import vn.cong.workflow.Notifications;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders the staff pages (Thymeleaf templates under {@code views/admin/}) through the web kit's
 * {@link PageTemplates}, on the bounded {@code render} executor. Every page gets {@code tenant},
 * {@code staff} (the logged-in {@link StaffAccount} or null), {@code csrfToken}, {@code path},
 * {@code allRoles} and {@code unreadNotifications}; templates put
 * {@code <input type="hidden" name="csrfToken" th:value="${csrfToken}">} in every POST form and use
 * the layout fragment {@code ~{layout :: page(~{::title}, ~{::main})}}.
 */
@Singleton
public class AdminPages {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminPages.class);

    private final PageTemplates templates;
    private final Notifications notifications;
    private final StaffNavigation navigation;

    AdminPages(PageTemplates templates, Notifications notifications, StaffNavigation navigation) {
        this.templates = templates;
        this.notifications = notifications;
        this.navigation = navigation;
    }

    public Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, String template, Map<String, ?> model) {
        return page(request, HttpStatus.OK, template, model);
    }

    public Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, String template, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("tenant", TenantRequests.tenant(request).orElse(null));
        variables.putIfAbsent("staff", StaffAccount.signedIn(request).orElse(null));
        variables.put("allRoles", Role.values());
        if (variables.get("staff") instanceof StaffAccount staff) {
            variables.put("staffMenu", navigation.menuFor(staff));
            variables.put("staffPersonal", navigation.personalFor(staff));
        }
        return unread(variables)
                .doOnNext(count -> variables.put("unreadNotifications", count))
                .then(Mono.defer(() -> templates.page(request, status, template, variables)));
    }

    /**
     * The logged-in person's unread notifications, for the badge in the layout (0 for anonymous pages).
     * The badge is an extra: when it cannot be counted the page is still shown, without it.
     */
    private Mono<Long> unread(Map<String, Object> variables) {
        if (variables.get("staff") instanceof StaffAccount staff && variables.get("tenant") instanceof Tenant tenant) {
            return notifications.unreadCount(tenant, staff.id()).defaultIfEmpty(0L)
                    .onErrorResume(e -> {
                        LOG.warn("Tenant {}: unread notifications of account {} not counted: {}", tenant.code(), staff.id(), e.toString());
                        return Mono.just(0L);
                    });
        }
        return Mono.just(0L);
    }
}
