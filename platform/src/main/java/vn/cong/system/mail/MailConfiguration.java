package vn.cong.system.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The SMTP server the platform sends e-mail through. Without a host nothing is sent (and nothing
 * is logged as a problem): a fresh installation works without mail.
 *
 * @param host     SMTP server; empty = e-mail off
 * @param port     587 for STARTTLS, 465 for SSL, 25 for plain
 * @param from     sender address, e.g. {@code "Cổng vận hành <noreply@most.gov.vn>"}
 * @param security {@code starttls} (required, the default), {@code ssl}, or {@code none}
 * @param username optional SMTP login
 * @param password optional SMTP password
 * @param timeout  connect, read and write timeout of one send
 */
@ConfigurationProperties("cong.mail")
public record MailConfiguration(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Bindable(defaultValue = "noreply@localhost") String from,
        @Bindable(defaultValue = "starttls") String security,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "20s") Duration timeout) {

    public boolean isConfigured() {
        return host != null && !host.isBlank();
    }

    boolean hasLogin() {
        return username != null && !username.isBlank();
    }
}
