package vn.cong.reports.imports.wordpress;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * The WordPress import ({@code cong.wordpress-import}).
 *
 * @param allowedNetworks networks (CIDR) media may be downloaded from although they are loopback, private or
 *                        link-local: the operator's decision, empty by default (tests allow 127.0.0.1/32 for their
 *                        local server), as {@code cong.channels.allowed-networks} is for webhooks
 * @param downloadTimeout how long fetching one file may take (connect, answer and body)
 * @param maxRedirects    redirects followed per file, each to an address checked again
 */
@ConfigurationProperties("cong.wordpress-import")
public record WordPressImportConfiguration(@Nullable List<String> allowedNetworks,
                                           @Bindable(defaultValue = "20s") Duration downloadTimeout,
                                           @Bindable(defaultValue = "3") int maxRedirects) {

    public List<String> allowed() {
        return allowedNetworks == null ? List.of() : allowedNetworks.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
