package vn.cong.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * @param enabled load demo content after start-up (only {@code application-dev.yml} turns it on)
 * @param dir     the folder of {@code <tenant code>.yaml} demo files; empty: {@code <cong.tenants-dir>/demo}
 * @param backup  take a first backup of each demo tenant that has none, in the background
 */
@ConfigurationProperties("cong.demo")
public record DemoConfiguration(@Bindable(defaultValue = "false") boolean enabled, @Nullable Path dir,
                                @Bindable(defaultValue = "true") boolean backup) {
}
