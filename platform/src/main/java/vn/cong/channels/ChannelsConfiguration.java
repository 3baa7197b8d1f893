package vn.cong.channels;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Outbound channels ({@code cong.channels}).
 *
 * @param allowedNetworks networks (CIDR) a webhook may reach although they are loopback, private or link-local: the
 *                        operator's decision, empty by default (tests allow 127.0.0.1/32 for their local receiver)
 * @param timeout         how long one delivery may take (connect and answer)
 */
@ConfigurationProperties("cong.channels")
public record ChannelsConfiguration(@Nullable List<String> allowedNetworks, @Bindable(defaultValue = "10s") Duration timeout) {

    public List<String> allowed() {
        return allowedNetworks == null ? List.of() : allowedNetworks.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
