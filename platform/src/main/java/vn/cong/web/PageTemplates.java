package vn.cong.web;

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
import vn.cong.system.TemplateCaches;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.TenantRequests;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The Thymeleaf templates under {@code views/admin/} (the staff area's and, under {@code console/},
 * the operator console's), rendered to a String on the bounded {@code render} executor, never on an
 * event loop. Every page gets {@code tenant} (null on the operator host), {@code csrfToken} and
 * {@code path}; each front end adds its own variables first ({@code vn.cong.admin.AdminPages},
 * {@code vn.cong.console.ConsolePages}).
 */
@Singleton
public class PageTemplates {

    public static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final TemplateEngine engine = new TemplateEngine();
    private final Scheduler render;

    PageTemplates(@Named("render") ExecutorService render) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageTemplates.class.getClassLoader());
        resolver.setPrefix("views/admin/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setCacheManager(TemplateCaches.sized());
        this.render = Schedulers.fromExecutorService(render);
    }

    public Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, String template, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("tenant", TenantRequests.tenant(request).orElse(null));
        variables.putIfAbsent("csrfToken", StaffRequests.csrfToken(request));
        variables.put("path", request.getPath());
        return Mono.fromCallable(() -> renderGuarded(template, variables)).subscribeOn(render)
                .map(html -> HttpResponse.<String>status(status).contentType(HTML).body(html));
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
    String renderNow(String template, Map<String, ?> model) {
        Context context = new Context(VIETNAMESE);
        context.setVariables(new HashMap<>(model));
        return engine.process(template, context);
    }
}
