package vn.cong.themes;

import java.util.Locale;

/** WCAG 2.x contrast ratio between two sRGB colours written as {@code #rgb} or {@code #rrggbb}. */
public final class Contrast {

    /** WCAG AA for normal text. */
    public static final double AA_TEXT = 4.5;

    private Contrast() {
    }

    public static double ratio(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * The ratio as people read it, Vietnamese style ({@code 3,2:1}), cut (not rounded) to one decimal
     * so that a ratio just below the threshold never shows as the threshold itself.
     */
    public static String shown(double ratio) {
        double cut = Math.floor(ratio * 10) / 10;
        String text = cut == Math.rint(cut) ? String.valueOf((long) cut) : String.format(Locale.ROOT, "%.1f", cut);
        return text.replace('.', ',') + ":1";
    }

    static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        int rgb = Integer.parseInt(h, 16);
        return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
