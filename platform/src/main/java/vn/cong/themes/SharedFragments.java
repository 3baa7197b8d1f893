package vn.cong.themes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fragments every page of a portal repeats (the header with its menu, the footer), rendered once and kept as HTML.
 * The fragment's root names the model variables its output depends on,
 * {@code <footer th:fragment="footer" cong:shared="site, theme, t, previewNotice">}, and the kept HTML is found by
 * their values (records and maps compare by value): a portal's name, menu, theme settings or language give another
 * key, so a publication or a theme change shows at once, and one portal's fragment can never be another's. A miss
 * renders the fragment exactly as the page would include it ({@code th:replace}), on its own.
 */
final class SharedFragments extends AbstractProcessorDialect {

    static final String PREFIX = "cong";
    /** Set while a fragment renders on its own, so that it renders rather than looks itself up. */
    private static final String RENDERING_ALONE = "congSharedFragmentAlone";
    /**
     * Characters of kept HTML (twice as many bytes); the keys' records are small beside them. Sized for 2,000 portals
     * in two languages (a header and footer are about 8,000 characters together): at 16 M, host rotation over 2,021
     * portals with the page cache off rendered them again and again (load-tests/bench, 2026-12-04).
     */
    private static final long MAX_CHARS = 48L * 1024 * 1024;

    private final TemplateEngine engine;
    private final Cache<Key, String> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key key, String html) -> html.length() + 512)
            .build();

    /** A fragment of a template and the values of the variables it reads. */
    private record Key(String template, String fragment, List<Object> values) {
    }

    SharedFragments(TemplateEngine engine) {
        super("Shared fragments", PREFIX, 10);
        this.engine = engine;
    }

    /** The name under which the template engine's string resolver takes {@code template :: fragment} alone. */
    static String inclusion(String template, String fragment) {
        return "<th:block th:replace=\"~{" + template + " :: " + fragment + "}\"></th:block>";
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Shared(dialectPrefix));
    }

    /** How many fragments are kept (tests). */
    long size() {
        rendered.cleanUp();
        return rendered.estimatedSize();
    }

    private final class Shared extends AbstractAttributeTagProcessor {

        Shared(String prefix) {
            // before th:fragment (1500), which would otherwise remove the name we key by
            super(TemplateMode.HTML, prefix, null, false, "shared", true, 10, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attribute, String names,
                                 IElementTagStructureHandler structure) {
            if (context.containsVariable(RENDERING_ALONE)) {
                return;
            }
            String fragment = tag.getAttributeValue("th", "fragment");
            if (fragment == null) {
                throw new IllegalStateException("cong:shared on an element without th:fragment in " + tag.getTemplateName());
            }
            Object[] values = Arrays.stream(names.split(",")).map(String::trim).map(context::getVariable).toArray();
            Key key = new Key(tag.getTemplateName(), fragment, Arrays.asList(values));
            String html = rendered.getIfPresent(key);
            if (html == null) {
                // rendered outside the cache's lock: two pages may both render a new fragment, neither waits
                html = alone(context, key);
                rendered.put(key, html);
            }
            // not processable: the kept HTML is output, never read again as a template
            structure.replaceWith(html, false);
        }

        private String alone(ITemplateContext context, Key key) {
            Map<String, Object> variables = new HashMap<>();
            for (String name : context.getVariableNames()) {
                variables.put(name, context.getVariable(name));
            }
            variables.put(RENDERING_ALONE, Boolean.TRUE);
            return engine.process(inclusion(key.template(), key.fragment()), new Context(context.getLocale(), variables));
        }
    }
}
