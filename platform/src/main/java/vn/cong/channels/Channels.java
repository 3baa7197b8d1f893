package vn.cong.channels;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's outbound channels (kênh đẩy tin) and what was delivered to them: kept by the tenant admin, every
 * change in the tenant's audit log ({@code channel.*}). The deliveries themselves are made by the database
 * (see migration V560) and sent by {@link WebhookDeliveries}.
 */
@Singleton
public class Channels {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDatabase db;
    private final ChannelAddresses addresses;
    private final AuditLog audit;

    Channels(TenantDatabase db, ChannelAddresses addresses, AuditLog audit) {
        this.db = db;
        this.addresses = addresses;
        this.audit = audit;
    }

    /** A channel as the staff list shows it: never its secret, only its last four characters. */
    public record Channel(long id, String name, String url, String secretEnd, boolean active, OffsetDateTime createdAt) {
    }

    /** One delivery of an event to a channel, with how it stands. */
    public record Delivery(UUID id, String channel, String event, long itemId, @Nullable String itemTitle, String status, int attempts,
                           @Nullable String lastResult, @Nullable OffsetDateTime nextAt, @Nullable OffsetDateTime deliveredAt,
                           OffsetDateTime createdAt) {

        public String eventLabel() {
            return switch (event) {
                case "published" -> "Đăng tin";
                case "corrected" -> "Đính chính";
                default -> "Gỡ bỏ";
            };
        }

        public String statusLabel() {
            return switch (status) {
                case "delivered" -> "Đã gửi";
                case "failed" -> "Thất bại";
                case "skipped" -> "Bỏ qua (kênh đã tắt)";
                default -> attempts == 0 ? "Chờ gửi" : "Đang thử lại";
            };
        }
    }

    /** A channel saved: its id and the secret to give the receiver (shown once when the platform made it). */
    public record Added(long id, String secret, boolean generated) {
    }

    public Mono<List<Channel>> list(Tenant tenant) {
        return db.mono(tenant, c -> c.query("SELECT id, name, url, right(secret, 4), active, created_at FROM channels ORDER BY id",
                r -> new Channel(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Boolean.class), r.get(5, OffsetDateTime.class))).collectList());
    }

    /** The newest {@code limit} deliveries, to every channel of the tenant. */
    public Mono<List<Delivery>> deliveries(Tenant tenant, int limit) {
        return db.mono(tenant, c -> c.query("""
                        SELECT d.id, ch.name, d.event, d.item_id, i.title, d.status, d.attempts, d.last_result, d.next_at, d.delivered_at, d.created_at
                          FROM channel_deliveries d JOIN channels ch ON ch.id = d.channel_id LEFT JOIN content_items i ON i.id = d.item_id
                         ORDER BY d.created_at DESC, d.id LIMIT $1""",
                r -> new Delivery(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Long.class),
                        r.get(4, String.class), r.get(5, String.class), r.get(6, Integer.class), r.get(7, String.class),
                        r.get(8, OffsetDateTime.class), r.get(9, OffsetDateTime.class), r.get(10, OffsetDateTime.class)), limit).collectList());
    }

    /** Adds a channel; an empty secret has one made (32 random bytes). Refused with every problem named. */
    public Mono<Added> add(Tenant tenant, String name, String url, String secret, @Nullable Long actorId) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        String cleanUrl = url == null ? "" : url.strip();
        String cleanSecret = secret == null ? "" : secret.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            problems.put("name", "Hãy đặt tên kênh (tối đa 200 ký tự), ví dụ: eNetViet.");
        }
        if (cleanUrl.length() > 2000) {
            problems.put("url", "Địa chỉ dài quá 2.000 ký tự.");
        }
        if (!cleanSecret.isEmpty() && (cleanSecret.length() < 16 || cleanSecret.length() > 200)) {
            problems.put("secret", "Khóa bí mật dài từ 16 đến 200 ký tự; để trống thì cổng tự tạo.");
        }
        boolean generated = cleanSecret.isEmpty();
        String key = generated ? generatedSecret() : cleanSecret;
        return addresses.problem(cleanUrl).flatMap(bad -> {
            bad.ifPresent(message -> problems.putIfAbsent("url", message));
            if (!problems.isEmpty()) {
                return Mono.error(new ChannelRejected(problems));
            }
            return db.mono(tenant, c -> c.one("INSERT INTO channels (name, url, secret, created_by) VALUES ($1, $2, $3, $4) RETURNING id",
                            r -> r.get(0, Long.class), cleanName, cleanUrl, key, Sql.orNull(actorId, Long.class))
                    .flatMap(id -> audit.record(c, actorId, "channel.added", Map.of("id", id, "name", cleanName, "url", cleanUrl))
                            .thenReturn(new Added(id, key, generated))));
        });
    }

    /** Switches a channel on or off; emits whether it exists. */
    public Mono<Boolean> setActive(Tenant tenant, long id, boolean active, @Nullable Long actorId) {
        return db.mono(tenant, c -> c.update("UPDATE channels SET active = $2, updated_at = now() WHERE id = $1", id, active)
                .flatMap(n -> n == 0 ? Mono.just(false)
                        : audit.record(c, actorId, active ? "channel.enabled" : "channel.disabled", Map.of("id", id)).thenReturn(true)));
    }

    /** Deletes a channel and its deliveries' history; emits whether it existed. */
    public Mono<Boolean> delete(Tenant tenant, long id, @Nullable Long actorId) {
        return db.mono(tenant, c -> c.update("DELETE FROM channels WHERE id = $1", id)
                .flatMap(n -> n == 0 ? Mono.just(false) : audit.record(c, actorId, "channel.deleted", Map.of("id", id)).thenReturn(true)));
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
