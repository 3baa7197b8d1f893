package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.StaffRequests;
import vn.cong.workflow.Notifications;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Renders the staff pages (Thymeleaf templates under {@code views/admin/}) to a String on the bounded
 * {@code render} executor, never on an event loop. Every page gets {@code tenant}, {@code staff}
 * (the logged-in {@link StaffAccount} or null), {@code csrfToken} and {@code path}; templates put
 * {@code <input type="hidden" name="csrfToken" th:value="${csrfToken}">} in every POST form and use
 * the layout fragment {@code ~{layout :: page(~{::title}, ~{::main})}}.
 */
@Singleton
public class AdminPages {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminPages.class);

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    public static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final TemplateEngine engine = new TemplateEngine();
    private final Scheduler render;
    private final Notifications notifications;
    private final StaffNavigation navigation;

    AdminPages(@Named("render") ExecutorService render, Notifications notifications, StaffNavigation navigation) {
        this.notifications = notifications;
        this.navigation = navigation;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AdminPages.class.getClassLoader());
        resolver.setPrefix("views/admin/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        this.render = Schedulers.fromExecutorService(render);
    }

    public Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, String template, Map<String, ?> model) {
        return page(request, HttpStatus.OK, template, model);
    }

    public Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, String template, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("tenant", TenantRequests.tenant(request).orElse(null));
        variables.putIfAbsent("staff", StaffRequests.account(request).orElse(null));
        variables.putIfAbsent("csrfToken", StaffRequests.csrfToken(request));
        variables.put("path", request.getPath());
        if (variables.get("staff") instanceof StaffAccount staff) {
            variables.put("menu", navigation.menuFor(staff));
        }
        return unread(variables)
                .doOnNext(count -> variables.put("unreadNotifications", count))
                .then(Mono.fromCallable(() -> renderGuarded(template, variables)).subscribeOn(render))
                .map(html -> HttpResponse.<String>status(status).contentType(HTML).body(html));
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

    /**
     * A template that recurses without end throws StackOverflowError, which Reactor treats as fatal and
     * rethrows past the Mono: the render task would die and the request would wait for ever. As an
     * ordinary error it ends the request (500, pre-rendered page) and frees the render thread.
     */
    private String renderGuarded(String template, Map<String, ?> model) {
        try {
            return renderNow(template, model);
        } catch (StackOverflowError e) {
            throw new IllegalStateException("Template " + template + " recursed too deeply", e);
        }
    }

    /** Renders on the calling thread: only for start-up (pre-rendered error pages) and the render executor. */
    public String renderNow(String template, Map<String, ?> model) {
        Context context = new Context(VIETNAMESE);
        context.setVariables(new HashMap<>(model));
        context.setVariable("allRoles", Role.values());
        return engine.process(template, context);
    }
}
