package vn.cong.engagement;

import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;
import vn.cong.system.RedisUnavailableException;
import vn.cong.tenancy.Tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What every public form (question, comment, petition) goes through before anything is stored, without a
 * third-party service: a honeypot field people never see, and a rate limit per address and per e-mail held in
 * Redis so every node counts the same posts (the tenant's {@link PublicFormSettings}; 3 per address per 10 minutes
 * and 5 per e-mail per day by default). When Redis cannot be reached the form refuses rather than accept
 * unlimited posts. Times come from the injected clock, not from Redis.
 */
@Singleton
public class FormProtection {

    /** The honeypot's field name: a plausible name, left empty by people (hidden, labelled "leave empty"). */
    public static final String HONEYPOT = "website";

    private static final Logger LOG = LoggerFactory.getLogger(FormProtection.class);

    // one sorted set of post times per address and per e-mail; counted and recorded in one step on the server
    private static final String POST = """
            local now = tonumber(ARGV[1])
            for i = 1, 2 do
              local window = tonumber(ARGV[2 * i])
              local limit = tonumber(ARGV[2 * i + 1])
              redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
              if redis.call('ZCARD', KEYS[i]) >= limit then
                local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')[2]
                return i .. ',' .. (tonumber(oldest) + window - now)
              end
            end
            for i = 1, 2 do
              redis.call('ZADD', KEYS[i], now, ARGV[6])
              redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
            end
            return 'ok'""";

    private final RedisConnector redis;
    private final PublicFormSettings settings;
    private final Clock clock;

    public FormProtection(RedisConnector redis, PublicFormSettings settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    /** Why a post was refused; {@code retryAfter} is how long to wait for a rate limit. */
    public record Refusal(Reason reason, Duration retryAfter) {
    }

    public enum Reason {
        /** The honeypot was filled in: a robot. */
        HONEYPOT,
        TOO_MANY_FROM_ADDRESS,
        TOO_MANY_FOR_EMAIL,
        /** Redis cannot be reached: posts cannot be counted, so none is taken. */
        UNAVAILABLE
    }

    /**
     * Checks a post and, when it may go on, counts it. Empty when accepted; otherwise why not. Only the form's
     * posts that pass their own checks should be counted, so call this after validating the fields.
     */
    public Mono<java.util.Optional<Refusal>> admit(Tenant tenant, String form, String address, String email, String honeypot) {
        if (honeypot != null && !honeypot.isBlank()) {
            LOG.info("Tenant {}: {} post with the honeypot filled in refused", tenant.code(), form);
            return Mono.just(java.util.Optional.of(new Refusal(Reason.HONEYPOT, Duration.ZERO)));
        }
        Instant now = clock.instant();
        return settings.of(tenant).flatMap(s -> {
            String[] keys = {redis.key("public-form:" + tenant.code() + ":address:" + address),
                    redis.key("public-form:" + tenant.code() + ":email:" + email.strip().toLowerCase(Locale.ROOT))};
            return redis.<String>run(r -> r.<String>eval(POST, ScriptOutputType.VALUE, keys, String.valueOf(now.toEpochMilli()),
                            String.valueOf(s.perAddressWindow().toMillis()), String.valueOf(s.perAddressLimit()),
                            String.valueOf(s.perEmailWindow().toMillis()), String.valueOf(s.perEmailLimit()),
                            now.toEpochMilli() + ":" + UUID.randomUUID()).next())
                    .map(FormProtection::verdict)
                    .onErrorResume(RedisUnavailableException.class, e -> {
                        LOG.warn("Tenant {}: {} post refused, Redis unavailable: {}", tenant.code(), form, e.getMessage());
                        return Mono.just(java.util.Optional.of(new Refusal(Reason.UNAVAILABLE, Duration.ofMinutes(1))));
                    });
        });
    }

    private static java.util.Optional<Refusal> verdict(String reply) {
        if ("ok".equals(reply)) {
            return java.util.Optional.empty();
        }
        String[] parts = reply.split(",", 2);
        Duration wait = Duration.ofMillis(Math.max(1000, (long) Double.parseDouble(parts[1])));
        return java.util.Optional.of(new Refusal("1".equals(parts[0]) ? Reason.TOO_MANY_FROM_ADDRESS : Reason.TOO_MANY_FOR_EMAIL, wait));
    }

    /** The refusal as the person reads it, in the page's language, with the time to wait rounded up to a minute. */
    public static String message(Refusal r, String lang) {
        long minutes = Math.max(1, (r.retryAfter().toSeconds() + 59) / 60);
        String wait = minutes >= 120 ? ((minutes + 59) / 60) + ("en".equals(lang) ? " hours" : " giờ")
                : minutes + ("en".equals(lang) ? (minutes == 1 ? " minute" : " minutes") : " phút");
        boolean en = "en".equals(lang);
        return switch (r.reason()) {
            case HONEYPOT -> en ? "Your message could not be sent. Please leave the field marked “leave empty” blank and try again."
                    : "Không gửi được. Xin để trống ô ghi «để trống ô này» rồi gửi lại.";
            case TOO_MANY_FROM_ADDRESS -> en ? "Too many messages have been sent from your connection. Please try again in " + wait + "."
                    : "Đã có quá nhiều lượt gửi từ địa chỉ mạng của bạn. Xin vui lòng gửi lại sau " + wait + ".";
            case TOO_MANY_FOR_EMAIL -> en ? "Too many messages have been sent with this e-mail address. Please try again in " + wait + "."
                    : "Địa chỉ thư điện tử này đã gửi quá nhiều lần. Xin vui lòng gửi lại sau " + wait + ".";
            case UNAVAILABLE -> en ? "The portal cannot take messages right now. Please try again in a few minutes; what you typed is kept below."
                    : "Cổng tạm thời chưa nhận được nội dung gửi. Xin vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn được giữ bên dưới.";
        };
    }
}
