package vn.cong.ops.uptime;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Tells operators when a portal goes down and comes back: always in the log (ALERT), and by POSTing
 * JSON to {@code cong.alerts.webhook-url} when one is configured.
 */
@Singleton
public class UptimeAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(UptimeAlerts.class);

    private final String webhook;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public UptimeAlerts(@Value("${cong.alerts.webhook-url:}") String webhook, JsonMapper json) {
        this.webhook = webhook;
        this.json = json;
    }

    /** What the webhook receives. */
    @Serdeable
    public record AlertEvent(String event, long incident, String target, String url, @Nullable String error) {
    }

    public void opened(ProbeTarget target, long incidentId, @Nullable String error) {
        LOG.error("ALERT incident {} opened: {} ({}) is down: {}", incidentId, target.key(), target.url(), error);
        send(new AlertEvent("incident.opened", incidentId, target.key(), target.url(), error));
    }

    public void recovered(ProbeTarget target, long incidentId) {
        LOG.warn("ALERT incident {} closed: {} ({}) is back up", incidentId, target.key(), target.url());
        send(new AlertEvent("incident.closed", incidentId, target.key(), target.url(), null));
    }

    private void send(AlertEvent event) {
        if (webhook.isBlank()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(event);
        } catch (IOException e) {
            LOG.error("Cannot encode alert {}", event, e);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    if (error != null || response.statusCode() >= 300) {
                        LOG.error("Alert webhook {} failed: {}", webhook, error != null ? error.toString() : "HTTP " + response.statusCode());
                    }
                });
    }
}
