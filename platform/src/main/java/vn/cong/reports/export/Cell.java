package vn.cong.reports.export;

/**
 * One table cell: the text as the report prints it (Vietnamese style, e.g. "28,5" or "1.257"), and for a
 * figure its value, so a spreadsheet gets a numeric cell it can sum. {@code number} is null for text.
 */
public record Cell(String text, Double number) {

    public Cell {
        text = text == null ? "" : text;
    }

    public static Cell text(String text) {
        return new Cell(text, null);
    }

    public static Cell number(String printed, double value) {
        return new Cell(printed, value);
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
