package vn.cong.reports.export;

import java.util.Locale;

/**
 * One table cell: the text as the report prints it (Vietnamese style, e.g. "28,5" or "1.257"), and for a
 * figure its value, so a spreadsheet gets a numeric cell it can sum. {@code number} is null for text.
 */
public record Cell(String text, Double number) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    public Cell {
        text = text == null ? "" : text;
    }

    public static Cell text(String text) {
        return new Cell(text, null);
    }

    public static Cell number(String printed, double value) {
        return new Cell(printed, value);
    }

    /** A count printed the Vietnamese way, thousands grouped with a dot: 1257 → "1.257". */
    public static Cell count(long value) {
        return new Cell(String.format(VIETNAMESE, "%,d", value), (double) value);
    }

    public boolean isNumber() {
        return number != null;
    }

    /** Digits the printed text shows after the decimal comma ("28,5" → 1, "7,83" → 2, "1.257" → 0). */
    int printedDecimals() {
        int comma = text.lastIndexOf(',');
        if (comma < 0) {
            return 0;
        }
        int digits = 0;
        for (int i = comma + 1; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            digits++;
        }
        return digits;
    }
}
