package vn.cong.themes;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import vn.cong.system.TemplateCaches;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a theme's page template to UTF-8 bytes. Templates are named {@code <theme>/templates/<page>}
 * below {@code themes/} on the classpath; a theme that lacks a page borrows the default theme's.
 * The fragments every page repeats (header, footer) are kept rendered ({@link SharedFragments}).
 * Blocking CPU work: callers run it on the bounded {@code render} executor, never on the event loop.
 */
@Singleton
public class ThemeRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final ThemeFiles files = new ThemeFiles(ThemeRenderer.class.getClassLoader());
    private final Map<String, String> templateNames = new ConcurrentHashMap<>();
    private final SharedFragments shared;

    public ThemeRenderer() {
        RecordPropertyAccessor.register();
        // a shared fragment rendered on its own (SharedFragments) is a one-line template naming it
        var inclusions = new StringTemplateResolver();
        inclusions.setTemplateMode(TemplateMode.HTML);
        inclusions.setResolvablePatterns(java.util.Set.of("<*")); // the markup itself, never a file name
        inclusions.setCacheable(true);
        inclusions.setOrder(1);
        var resolver = new ClassLoaderTemplateResolver(ThemeRenderer.class.getClassLoader());
        resolver.setPrefix("themes/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(2);
        engine.addTemplateResolver(inclusions);
        engine.addTemplateResolver(resolver);
        engine.setCacheManager(TemplateCaches.sized());
        shared = new SharedFragments(engine);
        engine.addDialect(shared);
    }

    public byte[] render(String theme, String page, Map<String, Object> model, Locale locale) {
        var out = new ByteArrayOutputStream(32 * 1024);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            engine.process(templateName(theme, page), new Context(locale, model), writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** How many shared fragments (header, footer) are kept rendered (tests). */
    long sharedFragments() {
        return shared.size();
    }

    /** {@code <theme>/templates/<page>}, or the default theme's when the theme has no such page. */
    String templateName(String theme, String page) {
        return templateNames.computeIfAbsent(theme + "/" + page, key -> {
            String own = theme + "/templates/" + page;
            return files.exists("themes/" + own + ".html") ? own : Themes.DEFAULT + "/templates/" + page;
        });
    }
}
