package vn.cong.site;

import java.util.Map;

/** A page to render: the theme template's name (e.g. {@code home}) and its model. */
public record PageView(String template, Map<String, Object> model) {
}
