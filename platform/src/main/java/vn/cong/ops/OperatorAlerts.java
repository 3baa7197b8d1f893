package vn.cong.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.system.mail.MailMessage;
import vn.cong.system.mail.Mailer;
import vn.cong.tenancy.outbox.MailOutbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Tells operators that something needs them: by POSTing JSON to {@code cong.alerts.webhook-url} and
 * by e-mail to {@code cong.alerts.email-to} (through the outbox, which retries), each only when configured. Both are fire-and-forget:
 * an alert never slows down or fails the work that raised it; a failed delivery is logged. (The
 * ALERT log line itself is written by the caller, which knows the context best.)
 */
@Singleton
public class OperatorAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAlerts.class);

    private final String webhook;
    private final List<String> recipients;
    private final JsonMapper json;
    private final Mailer mailer;
    private final MailOutbox outbox;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OperatorAlerts(@Value("${cong.alerts.webhook-url:}") String webhook, @Value("${cong.alerts.email-to:}") String emailTo,
                          JsonMapper json, Mailer mailer, MailOutbox outbox) {
        this.webhook = webhook;
        this.recipients = Arrays.stream(emailTo.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.json = json;
        this.mailer = mailer;
        this.outbox = outbox;
    }

    /**
     * Raises one alert: {@code payload} is what the webhook receives (JSON), {@code subject} and
     * {@code body} what the e-mail says (Vietnamese, for the operator on duty).
     */
    public void raise(Object payload, String subject, String body) {
        postToWebhook(payload);
        email(subject, body);
    }

    private void email(String subject, String body) {
        if (recipients.isEmpty() || !mailer.isConfigured()) {
            return;
        }
        outbox.sendForPlatform(new MailMessage(recipients, "[Cổng] " + subject, body))
                .subscribe(null, e -> LOG.error("Alert e-mail \"{}\" to {} not queued: {}", subject, recipients, e.getMessage()));
    }

    private void postToWebhook(Object payload) {
        if (webhook.isBlank()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (IOException e) {
            LOG.error("Cannot encode alert {}", payload, e);
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
