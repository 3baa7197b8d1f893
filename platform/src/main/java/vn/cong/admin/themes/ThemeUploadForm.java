package vn.cong.admin.themes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version form sent with a logo or banner file ("Tải lên" is a button of that form): its text fields, read as
 * a {@link ThemeForm}, and the image variable the file is for ({@code target}). A post without the version's own
 * fields (no {@code theme}) only changes the image.
 */
record ThemeUploadForm(Map<String, String> fields) {

    /** The multipart body's text fields (a repeated name keeps its last value); the file itself is bound apart. */
    static ThemeUploadForm of(Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (!"file".equals(name)) {
                Object last = value instanceof List<?> list && !list.isEmpty() ? list.get(list.size() - 1) : value;
                if (last instanceof CharSequence text) {
                    fields.put(name, text.toString());
                }
            }
        });
        return new ThemeUploadForm(fields);
    }

    String target() {
        return fields.getOrDefault("target", "").strip();
    }

    boolean carriesVersion() {
        return fields.containsKey("theme");
    }

    ThemeForm form() {
        return new ThemeForm(fields);
    }
}
