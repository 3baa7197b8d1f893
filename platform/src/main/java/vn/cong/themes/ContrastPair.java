package vn.cong.themes;

import java.util.Map;

/**
 * Two colours a theme puts text in and behind (theme.yaml → {@code contrast}): each side is a colour
 * variable's name or a fixed colour such as {@code "#ffffff"}. The pair must reach WCAG AA.
 */
public record ContrastPair(String foreground, String background, String label) {

    /** The colour a side stands for with these values. */
    static String colour(String side, Map<String, String> values) {
        return side.startsWith("#") ? side : values.get(side);
    }
}
