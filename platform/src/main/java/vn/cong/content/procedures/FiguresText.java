package vn.cong.content.procedures;

import java.time.format.TextStyle;
import java.util.Locale;

/** Processing figures as the public pages print them, in the reader's language, and the summary page's address. */
public final class FiguresText {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private FiguresText() {
    }

    /** "Tháng 10/2026: tiếp nhận 1.250, đã giải quyết 1.200 (đúng hạn 1.180, trễ hạn 20)" or its English. */
    public static String of(ProcessingFigures.Month m, String lang) {
        if ("en".equals(lang)) {
            return m.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.month().getYear() + ": "
                    + count(m.received(), lang) + " received, " + count(m.processed(), lang) + " processed ("
                    + count(m.onTime(), lang) + " on time, " + count(m.late(), lang) + " late)";
        }
        return "Tháng " + m.month().getMonthValue() + "/" + m.month().getYear() + ": tiếp nhận " + count(m.received(), lang)
                + ", đã giải quyết " + count(m.processed(), lang) + " (đúng hạn " + count(m.onTime(), lang) + ", trễ hạn "
                + count(m.late(), lang) + ")";
    }

    /** A count with the reader's thousands separator: 1.250 in Vietnamese, 1,250 in English. */
    public static String count(long n, String lang) {
        return String.format("en".equals(lang) ? Locale.ENGLISH : VIETNAMESE, "%,d", n);
    }

    /** The share processed on time, one decimal: "98,3%" ("98.3%"); a dash when nothing was processed. */
    public static String onTimeShare(long onTime, long processed, String lang) {
        if (processed == 0) {
            return "—";
        }
        return String.format("en".equals(lang) ? Locale.ENGLISH : VIETNAMESE, "%.1f%%", 100.0 * onTime / processed);
    }

    /** The public summary of every procedure's figures. */
    public static String summaryUrl(String lang) {
        return ("en".equals(lang) ? "/en" : "") + "/so-lieu-dich-vu-cong";
    }
}
