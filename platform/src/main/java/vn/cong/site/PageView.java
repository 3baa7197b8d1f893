package vn.cong.site;

import java.util.Map;

/** A page to render: the theme template's name (e.g. {@code home}), its model, and its HTTP status. */
public record PageView(String template, Map<String, Object> model, int status) {

    public PageView(String template, Map<String, Object> model) {
        this(template, model, 200);
    }
}
