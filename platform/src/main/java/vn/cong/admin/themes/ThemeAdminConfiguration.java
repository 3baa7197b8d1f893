package vn.cong.admin.themes;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param imageMaxBytes largest logo or banner upload accepted (before resizing) */
@ConfigurationProperties("cong.themes")
record ThemeAdminConfiguration(@Bindable(defaultValue = "5242880") long imageMaxBytes) {
}
