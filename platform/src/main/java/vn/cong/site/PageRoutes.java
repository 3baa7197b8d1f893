package vn.cong.site;

import java.util.Map;
import java.util.Optional;

/**
 * The public pages one group of controllers serves, found by path, so that a theme preview can show
 * any public page with the same builders as the public routes.
 */
public interface PageRoutes {

    /**
     * The page at {@code path} (without the {@code /en} prefix; {@code lang} says which) with the
     * request's {@code query} values; empty when the path is not one of these routes or a value is
     * malformed (where the public route answers 404).
     */
    Optional<PublicPage> page(String lang, String path, Map<String, String> query);
}
