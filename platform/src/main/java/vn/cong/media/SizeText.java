package vn.cong.media;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** File sizes as Vietnamese readers write them: "1,5 MB", "820 KB". */
public final class SizeText {

    private SizeText() {
    }

    public static String of(long bytes) {
        DecimalFormat oneDecimal = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
        if (bytes >= 1024 * 1024) {
            return oneDecimal.format(bytes / (1024.0 * 1024.0)) + " MB";
        }
        if (bytes >= 1024) {
            return oneDecimal.format(bytes / 1024.0) + " KB";
        }
        return bytes + " B";
    }
}
