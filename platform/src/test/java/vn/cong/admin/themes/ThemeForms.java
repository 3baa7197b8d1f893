package vn.cong.admin.themes;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import vn.cong.testing.Browser;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a tenant admin does on the theme screens, step by step, for integration tests. */
final class ThemeForms {

    private ThemeForms() {
    }

    /** Opens (or creates) the version being worked on and returns its id. */
    static long openDraft(Browser admin) {
        HttpResponse<String> index = admin.get("/quan-tri/giao-dien");
        assertEquals(200, index.statusCode(), index.body());
        Element link = Jsoup.parse(index.body()).selectFirst("section[aria-labelledby=dang-soan] a[href^=/quan-tri/giao-dien/]");
        if (link != null) {
            return Long.parseLong(link.attr("href").replaceAll("\\D+", ""));
        }
        String token = Jsoup.parse(index.body()).selectFirst("form[action=/quan-tri/giao-dien/moi] input[name=csrfToken]").attr("value");
        HttpResponse<String> created = admin.postForm("/quan-tri/giao-dien/moi", Map.of("csrfToken", token));
        assertEquals(303, created.statusCode(), created.body());
        return Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
    }

    /** The fields of the version form as a browser would send them, with {@code changes} applied. */
    static Map<String, String> formWith(HttpResponse<String> page, Map<String, String> changes) {
        Element form = Jsoup.parse(page.body()).selectFirst("form#bieu-mau");
        assertNotNull(form, "no version form on the page:\n" + page.body());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    fields.put(name, selected != null ? selected.attr("value") : input.selectFirst("option").attr("value"));
                }
                case "textarea" -> fields.put(name, input.wholeText());
                default -> {
                    if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                        fields.put(name, input.attr("type").equals("checkbox") ? "on" : input.attr("value"));
                    }
                }
            }
        }
        changes.forEach((k, v) -> {
            if (v == null) {
                fields.remove(k);
            } else {
                fields.put(k, v);
            }
        });
        return fields;
    }

    /** Saves the draft with {@code changes}; returns the answer to the POST. */
    static HttpResponse<String> save(Browser admin, long id, Map<String, String> changes) {
        HttpResponse<String> page = admin.get("/quan-tri/giao-dien/" + id);
        assertEquals(200, page.statusCode(), page.body());
        return admin.postForm("/quan-tri/giao-dien/" + id, formWith(page, changes));
    }

    /** Presses one of the version page's buttons ({@code gui-duyet}, {@code duyet}, {@code tra-lai}, {@code khoi-phuc}). */
    static HttpResponse<String> press(Browser who, long id, String action, Map<String, String> extra) {
        HttpResponse<String> page = who.get("/quan-tri/giao-dien/" + id);
        assertEquals(200, page.statusCode(), page.body());
        Element token = Jsoup.parse(page.body()).selectFirst("input[name=csrfToken]");
        assertNotNull(token, page.body());
        Map<String, String> form = new LinkedHashMap<>(extra);
        form.put("csrfToken", token.attr("value"));
        return who.postForm("/quan-tri/giao-dien/" + id + "/" + action, form);
    }
}
