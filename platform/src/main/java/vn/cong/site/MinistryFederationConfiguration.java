package vn.cong.site;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Reading member portals from their root (the ministry-wide search, the "news from the units" block): how long
 * one member may take before it is left out (named as not answering, on the search page), and how many members
 * are read at once.
 */
@ConfigurationProperties("cong.ministry-federation")
public record MinistryFederationConfiguration(@Bindable(defaultValue = "500ms") Duration timeout,
                                             @Bindable(defaultValue = "4") int concurrency) {
}
