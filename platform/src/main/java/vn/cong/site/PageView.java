package vn.cong.site;

import java.util.Map;

/** A page to render: the theme template's name (e.g. {@code home}), its model, and its HTTP status. */
public record PageView(String template, Map<String, Object> model, int status) {

    public PageView(String template, Map<String, Object> model) {
        this(template, model, 200);
    }

    /**
     * This item page as its print view (bản in, the theme's {@code print} template): the same model, kept out of
     * search engines, its canonical address the item's own page {@code itemPath}. Error pages stay as they are.
     */
    public PageView printed(String itemPath) {
        if (status != 200) {
            return this;
        }
        model.put("printOf", template);
        model.put("itemPath", itemPath);
        model.put("noindex", true);
        model.put(PageMeta.CANONICAL, itemPath);
        return new PageView("print", model, status);
    }
}
