package vn.cong.ops.maintenance;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A window as a portal's banner: shown from the lead time before the window until it ends, in the
 * page's language, saying when the portal will be (or is) down.
 */
public record MaintenanceNotice(Instant shownFrom, MaintenanceWindow window) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    public boolean shownAt(Instant now) {
        return !now.isBefore(shownFrom) && now.isBefore(window.endsAt());
    }

    public String text(String lang, Instant now) {
        boolean english = "en".equals(lang);
        String from = WHEN.format(window.startsAt().atZone(VietnamTime.ZONE));
        String to = WHEN.format(window.endsAt().atZone(VietnamTime.ZONE));
        String when;
        if (window.underwayAt(now)) {
            when = english ? "Under maintenance until " + to + " (Vietnam time)" : "Đang bảo trì đến " + to + " (giờ Việt Nam)";
        } else {
            when = english ? "From " + from + " to " + to + " (Vietnam time)" : "Từ " + from + " đến " + to + " (giờ Việt Nam)";
        }
        return when + ": " + window.message(lang);
    }

    /** The banner a page shows now: the earliest window shown at {@code now}, or none. */
    @Nullable
    public static String bannerAt(List<MaintenanceNotice> notices, String lang, Instant now) {
        return notices.stream().filter(n -> n.shownAt(now)).findFirst().map(n -> n.text(lang, now)).orElse(null);
    }
}
