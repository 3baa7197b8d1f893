package vn.cong.console;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The console's addresses and the few formatting rules its pages share. */
final class Console {

    static final String ROOT = "/van-hanh";
    static final String LOGIN = ROOT + "/dang-nhap";
    static final String SECOND_STEP = ROOT + "/xac-thuc";
    static final String ASSETS = ROOT + "/tai-nguyen/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private Console() {
    }

    static MutableHttpResponse<String> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /** Vietnam time, as every console page shows it. */
    static String time(@Nullable OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(WHEN);
    }

    /** "2 phút 5 giây" between two times; empty while the second is unknown. */
    static String duration(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
        if (from == null || to == null) {
            return "";
        }
        Duration d = Duration.between(from, to);
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? (s == 0 ? "dưới 1 giây" : s + " giây") : (s / 60) + " phút " + (s % 60) + " giây";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", kib).replace('.', ',')
                : String.format(java.util.Locale.ROOT, "%.1f MiB", kib / 1024).replace('.', ',');
    }
}
