package vn.cong.reports.contribution;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, drawn on the server so it reads without JavaScript: each bar carries its label and
 * number as text, the chart has a title and a description for screen readers ({@code role="img"}), and the page shows
 * the same numbers as a table beside it. An optional mark draws the quota line.
 */
public final class BarChart {

    private static final int ROW = 22;
    private static final int LABEL = 330;
    private static final int BARS = 300;
    private static final int WIDTH = LABEL + BARS + 60;

    /** One bar. */
    public record Bar(String label, long value) {
    }

    private BarChart() {
    }

    /**
     * @param id        unique on the page (for aria-labelledby)
     * @param quotaMark where the quota line falls, in the bars' unit, or null for none
     */
    public static String svg(String id, String title, String description, List<Bar> bars, @Nullable BigDecimal quotaMark) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double scale = BARS / (double) Math.max(max, quotaMark == null ? 0 : quotaMark.doubleValue());
        int height = bars.size() * ROW + 10 + (quotaMark == null ? 0 : 16);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(escape(description)).append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * ROW;
            long w = Math.round(b.value() * scale);
            s.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\" font-size=\"12\">")
                    .append(escape(shorten(b.label()))).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"15\" fill=\"#1f5fa8\"></rect>")
                    .append("<text x=\"").append(LABEL + w + 4).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(b.value()).append("</text>");
        }
        if (quotaMark != null) {
            double x = LABEL + quotaMark.doubleValue() * scale;
            String at = String.format(Locale.ROOT, "%.1f", x);
            s.append("<line x1=\"").append(at).append("\" y1=\"0\" x2=\"").append(at).append("\" y2=\"").append(height - 14)
                    .append("\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"></line>")
                    .append("<text x=\"").append(at).append("\" y=\"").append(height - 2).append("\" font-size=\"11\" fill=\"#b3261e\">")
                    .append("chỉ tiêu ").append(escape(Figures.average(quotaMark))).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() > 52 ? label.substring(0, 51) + "…" : label;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
