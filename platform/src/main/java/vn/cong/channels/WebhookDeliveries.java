package vn.cong.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.outbox.Outbox;
import vn.cong.tenancy.outbox.OutboxHandler;
import vn.cong.tenancy.outbox.OutboxMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Sends the deliveries the database queued (migration V560) to the channels' webhooks, through the outbox (kind
 * {@value #KIND}): at least once, each with its stable delivery id, signed ({@link WebhookSignature}), retried after
 * 1 min, 5 min, 30 min, 2 h and 12 h, then marked failed with an alert (an in-app notice to the tenant admins and an
 * {@code ALERT} log line). The address is checked again before every attempt ({@link ChannelAddresses}); redirects
 * are not followed. A channel switched off meanwhile is skipped; a receiver's 2xx is success, anything else a failure.
 */
@Singleton
public class WebhookDeliveries implements OutboxHandler {

    public static final String KIND = "webhook";
    static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(12));
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final TenantDatabase db;
    private final Outbox outbox;
    private final ChannelAddresses addresses;
    private final ContentKinds kinds;
    private final PublicLinks links;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient client;

    WebhookDeliveries(TenantDatabase db, Outbox outbox, ChannelAddresses addresses, ContentKinds kinds, PublicLinks links, JsonMapper json,
                      Clock clock, ChannelsConfiguration config) {
        this.db = db;
        this.outbox = outbox;
        this.addresses = addresses;
        this.kinds = kinds;
        this.links = links;
        this.json = json;
        this.clock = clock;
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What the outbox holds: which delivery (the row of {@code channel_deliveries}) of which channel. */
    @Serdeable
    record Queued(UUID deliveryId, long channelId) {
    }

    /** What a receiver gets (JSON): the delivery, the event, the portal and the item with its canonical address and source. */
    @Serdeable
    public record Body(String id, String event, String occurredAt, Portal portal, Item item, String source) {
    }

    @Serdeable
    public record Portal(String code, String name, String url) {
    }

    @Serdeable
    public record Item(long id, String kind, String language, String title, String summary, String url, @Nullable String publishedAt) {
    }

    private record Pending(UUID id, String event, OffsetDateTime at, String url, String secret, boolean active, String channel,
                           long itemId, String kind, String language, String slug, String title, String summary,
                           @Nullable OffsetDateTime publishedAt) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Duration> retryDelays() {
        return RETRIES;
    }

    @Override
    public Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message) {
        if (tenant == null) {
            return Mono.just(Delivered.SKIPPED);
        }
        Queued queued = outbox.payload(message, Queued.class);
        return pending(tenant, queued.deliveryId())
                .flatMap(p -> !p.active()
                        ? record(tenant, p.id(), "skipped", message.attempts(), "Kênh đã tắt", null).thenReturn(Delivered.SKIPPED)
                        : send(tenant, p, message.attempts()))
                .defaultIfEmpty(Delivered.SKIPPED); // the channel was deleted, and its deliveries with it
    }

    private Mono<Delivered> send(Tenant tenant, Pending p, int attempt) {
        byte[] body = body(tenant, p);
        long timestamp = clock.instant().getEpochSecond();
        return addresses.problem(p.url())
                .flatMap(problem -> problem.isPresent() ? Mono.<HttpResponse<Void>>error(new IllegalStateException(problem.get()))
                        : Mono.fromFuture(() -> client.sendAsync(HttpRequest.newBuilder(URI.create(p.url())).timeout(timeout)
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("User-Agent", "Cong-Webhook/1")
                                .header(WebhookSignature.DELIVERY, p.id().toString())
                                .header(WebhookSignature.EVENT, p.event())
                                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                                .header(WebhookSignature.HEADER, WebhookSignature.sign(p.secret(), timestamp, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())))
                .flatMap(response -> response.statusCode() / 100 == 2
                        ? record(tenant, p.id(), "delivered", attempt, "HTTP " + response.statusCode(), null).thenReturn(Delivered.SENT)
                        : Mono.error(new IllegalStateException("HTTP " + response.statusCode())))
                .onErrorResume(e -> record(tenant, p.id(), "pending", attempt, describe(e),
                        attempt <= RETRIES.size() ? OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plus(RETRIES.get(attempt - 1)) : null)
                        .then(Mono.error(e)));
    }

    @Override
    public Mono<Void> gaveUp(@Nullable Tenant tenant, OutboxMessage message, Throwable lastError) {
        if (tenant == null) {
            return Mono.empty();
        }
        Queued queued = outbox.payload(message, Queued.class);
        return pending(tenant, queued.deliveryId()).flatMap(p -> {
            LOG.error("ALERT channel-delivery-failed tenant={} channel=\"{}\" delivery={} event={} item={} after {} attempts: {}",
                    tenant.code(), p.channel(), p.id(), p.event(), p.itemId(), message.attempts(), describe(lastError));
            String notice = "Không gửi được «" + p.title() + "» tới kênh «" + p.channel() + "» sau " + message.attempts()
                    + " lần thử (" + describe(lastError) + "). Xem Kênh đẩy tin.";
            return db.mono(tenant, c -> c.update("""
                            UPDATE channel_deliveries SET status = 'failed', next_at = NULL WHERE id = $1 AND status <> 'delivered'""", p.id())
                    .then(c.update("""
                            INSERT INTO notifications (account_id, item_id, message)
                            SELECT id, $2, $1 FROM accounts WHERE status = 'active' AND 'tenant_admin' = ANY (roles)""", notice, p.itemId())));
        }).then();
    }

    private Mono<Pending> pending(Tenant tenant, UUID id) {
        return db.mono(tenant, c -> c.one("""
                        SELECT d.id, d.event, e.at, ch.url, ch.secret, ch.active, ch.name, i.id AS item_id, i.kind, i.language, i.slug, i.title,
                               i.summary, i.published_at
                          FROM channel_deliveries d JOIN channels ch ON ch.id = d.channel_id JOIN content_events e ON e.id = d.event_id
                          JOIN content_items i ON i.id = d.item_id
                         WHERE d.id = $1""",
                r -> new Pending(r.get("id", UUID.class), r.get("event", String.class), r.get("at", OffsetDateTime.class),
                        r.get("url", String.class), r.get("secret", String.class), r.get("active", Boolean.class), r.get("name", String.class),
                        r.get("item_id", Long.class), r.get("kind", String.class), r.get("language", String.class), r.get("slug", String.class),
                        r.get("title", String.class), r.get("summary", String.class), r.get("published_at", OffsetDateTime.class)), id));
    }

    /** Writes how the delivery stands; a delivery already recorded as delivered stays so (one success, even with two nodes). */
    private Mono<Long> record(Tenant tenant, UUID id, String status, int attempts, String result, @Nullable OffsetDateTime nextAt) {
        return db.mono(tenant, c -> c.update("""
                        UPDATE channel_deliveries SET status = $2, attempts = $3, last_result = $4, next_at = $5,
                               delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
                         WHERE id = $1 AND status <> 'delivered'""",
                id, status, attempts, result.length() > 500 ? result.substring(0, 500) : result, Sql.orNull(nextAt, OffsetDateTime.class)));
    }

    private byte[] body(Tenant tenant, Pending p) {
        String prefix = "en".equals(p.language()) ? "/en" : "";
        String path = "article".equals(p.kind()) ? prefix + "/bai-viet/" + p.slug()
                : kinds.declaration(p.kind()).map(d -> d.publicUrl(p.language(), p.slug())).orElse(prefix + "/");
        String lang = p.language();
        Body body = new Body(p.id().toString(), p.event(), time(p.at()),
                new Portal(tenant.code(), tenant.name(lang), links.tenant(tenant, "en".equals(lang) ? "/en" : "/")),
                new Item(p.itemId(), p.kind(), lang, p.title(), p.summary(), links.tenant(tenant, path),
                        p.publishedAt() == null ? null : time(p.publishedAt())),
                ("en".equals(lang) ? "Source: " : "Nguồn: ") + tenant.name(lang));
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write webhook delivery " + p.id(), e);
        }
    }

    private static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
