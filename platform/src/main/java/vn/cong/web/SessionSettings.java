package vn.cong.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Staff sessions (kept in Redis, under {@code cong.redis.prefix}).
 *
 * @param cookieName       the session cookie's name
 * @param idleTimeout      a session ends after this long without a request
 * @param loginFormTimeout how long a session made only to carry the login form's CSRF token lives
 */
@ConfigurationProperties("cong.accounts.session")
public record SessionSettings(
        @Bindable(defaultValue = "CONG_SESSION") String cookieName,
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "15m") Duration loginFormTimeout) {
}
