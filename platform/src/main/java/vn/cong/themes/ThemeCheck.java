package vn.cong.themes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the values a tenant admin gives a theme's variables, before they are saved: each value
 * against its variable, then every contrast pair the theme declares against WCAG AA (4.5:1), with
 * the measured ratio in the message. Messages are Vietnamese, keyed by variable name.
 */
public final class ThemeCheck {

    private ThemeCheck() {
    }

    /** The values as they will be kept (trimmed, only declared variables) and what is wrong with them. */
    public record Result(Map<String, String> values, Map<String, String> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    public static Result check(Theme theme, Map<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        theme.variables().forEach((name, variable) -> {
            String raw = submitted.get(name);
            String value = raw == null ? variable.defaultValue() : normalise(variable, raw);
            values.put(name, value);
            if (!variable.accepts(value)) {
                errors.put(name, message(variable));
            }
        });
        java.util.Set<String> invalid = java.util.Set.copyOf(errors.keySet());
        for (ContrastPair pair : theme.contrast()) {
            String fg = ContrastPair.colour(pair.foreground(), values);
            String bg = ContrastPair.colour(pair.background(), values);
            String key = pair.foreground().startsWith("#") ? pair.background() : pair.foreground();
            if (fg == null || bg == null || invalid.contains(pair.foreground()) || invalid.contains(pair.background())) {
                continue;
            }
            double ratio = Contrast.ratio(fg, bg);
            if (ratio < Contrast.AA_TEXT) {
                errors.merge(key, "Độ tương phản " + Contrast.shown(ratio) + " thấp hơn 4,5:1"
                        + (pair.label().isEmpty() ? "" : " (" + pair.label() + ")") + ". Hãy chọn màu đậm hơn hoặc nhạt hơn.",
                        (a, b) -> a + " " + b);
            }
        }
        return new Result(values, errors);
    }

    private static String normalise(ThemeVariable variable, String raw) {
        String v = raw.strip();
        return variable.type() == ThemeVariable.Type.COLOR ? v.toLowerCase(java.util.Locale.ROOT) : v;
    }

    private static String message(ThemeVariable variable) {
        return switch (variable.type()) {
            case COLOR -> "Màu phải viết dạng #rrggbb (ví dụ #8b1a1a).";
            case FONT -> "Hãy chọn một phông chữ trong danh sách.";
            case TEXT -> "Tối đa 2.000 ký tự.";
            case IMAGE -> "Ảnh không hợp lệ: hãy tải ảnh lên lại.";
            case CHOICE -> "Hãy chọn một giá trị trong danh sách.";
            case BLOCKS -> "Hãy chọn các khối trong danh sách, mỗi khối một lần.";
        };
    }
}
