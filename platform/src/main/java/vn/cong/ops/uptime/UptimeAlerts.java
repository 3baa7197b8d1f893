package vn.cong.ops.uptime;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.ops.OperatorAlerts;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Clock;

/**
 * Tells operators when a portal goes down and comes back: always in the log (ALERT), and through
 * {@link OperatorAlerts} (webhook JSON, e-mail) when those are configured.
 */
@Singleton
public class UptimeAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(UptimeAlerts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    private final OperatorAlerts alerts;
    private final Clock clock;

    public UptimeAlerts(OperatorAlerts alerts, Clock clock) {
        this.clock = clock;
        this.alerts = alerts;
    }

    /** What the webhook receives. */
    @Serdeable
    public record AlertEvent(String event, long incident, String target, String url, @Nullable String error) {
    }

    public void opened(ProbeTarget target, long incidentId, @Nullable String error) {
        LOG.error("ALERT incident {} opened: {} ({}) is down: {}", incidentId, target.key(), target.url(), error);
        alerts.raise(new AlertEvent("incident.opened", incidentId, target.key(), target.url(), error),
                "Sự cố #" + incidentId + ": " + target.key() + " không truy cập được",
                "Giám sát hoạt động phát hiện " + target.key() + " (" + target.url() + ") không truy cập được từ "
                        + now() + " (giờ Việt Nam).\n\nLỗi gần nhất: " + (error == null ? "(không rõ)" : error)
                        + "\n\nSự cố #" + incidentId + " sẽ tự đóng khi lần kiểm tra tiếp theo thành công.\n");
    }

    public void recovered(ProbeTarget target, long incidentId) {
        LOG.warn("ALERT incident {} closed: {} ({}) is back up", incidentId, target.key(), target.url());
        alerts.raise(new AlertEvent("incident.closed", incidentId, target.key(), target.url(), null),
                "Đã khắc phục sự cố #" + incidentId + ": " + target.key() + " hoạt động trở lại",
                target.key() + " (" + target.url() + ") truy cập được trở lại lúc " + now() + " (giờ Việt Nam).\n\n"
                        + "Sự cố #" + incidentId + " đã đóng.\n");
    }

    private String now() {
        return ZonedDateTime.now(clock.withZone(VietnamTime.ZONE)).format(WHEN);
    }
}
