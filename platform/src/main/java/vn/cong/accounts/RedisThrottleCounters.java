package vn.cong.accounts;

import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The throttle's counts in Redis, so every node sees every failure: a sorted set of failure times per
 * address and a hash {@code n, last} per username, each changed by one Lua script (atomic on the
 * server). Times come from the platform clock, not from Redis; key expiry only cleans up.
 */
@Singleton
class RedisThrottleCounters implements ThrottleCounters {

    private static final String READ = """
            local since = '(' .. ARGV[1]
            local count = redis.call('ZCOUNT', KEYS[1], since, '+inf')
            local oldest = ''
            if count > 0 then
              oldest = redis.call('ZRANGEBYSCORE', KEYS[1], since, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)[2]
            end
            local account = redis.call('HMGET', KEYS[2], 'n', 'last')
            return count .. ',' .. oldest .. ',' .. (account[1] or '0') .. ',' .. (account[2] or '')""";

    private static final String FAILED = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local last = redis.call('HGET', KEYS[2], 'last')
            if last and tonumber(ARGV[1]) - tonumber(last) > tonumber(ARGV[4]) then
              redis.call('HSET', KEYS[2], 'n', '0')
            end
            redis.call('HINCRBY', KEYS[2], 'n', 1)
            redis.call('HSET', KEYS[2], 'last', ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 'ok'""";

    private final RedisConnector redis;

    RedisThrottleCounters(RedisConnector redis) {
        this.redis = redis;
    }

    boolean isKnownDown() {
        return redis.isKnownDown();
    }

    @Override
    public Mono<ThrottleState> read(String address, String account, Instant now, Duration window) {
        String[] keys = {addressKey(address), accountKey(account)};
        String since = String.valueOf(now.toEpochMilli() - window.toMillis());
        return redis.run(r -> r.<String>eval(READ, ScriptOutputType.VALUE, keys, since).next())
                .map(RedisThrottleCounters::parse);
    }

    @Override
    public Mono<Void> failed(String address, String account, Instant now, Duration window, Duration memory) {
        String[] keys = {addressKey(address), accountKey(account)};
        long at = now.toEpochMilli();
        return redis.run(r -> r.<String>eval(FAILED, ScriptOutputType.VALUE, keys, String.valueOf(at),
                        String.valueOf(at - window.toMillis()), String.valueOf(window.toMillis()),
                        String.valueOf(memory.toMillis()), at + ":" + UUID.randomUUID()).next())
                .then();
    }

    @Override
    public Mono<Void> succeeded(String account) {
        return redis.run(r -> r.del(accountKey(account))).then();
    }

    private String addressKey(String address) {
        return redis.key("login-throttle:address:" + address);
    }

    private String accountKey(String account) {
        return redis.key("login-throttle:account:" + account);
    }

    private static ThrottleState parse(String reply) {
        String[] parts = reply.split(",", -1);
        return new ThrottleState(Long.parseLong(parts[0]), millis(parts[1]),
                (long) Double.parseDouble(parts[2]), millis(parts[3]));
    }

    private static Instant millis(String text) {
        return text.isEmpty() ? null : Instant.ofEpochMilli((long) Double.parseDouble(text));
    }
}
