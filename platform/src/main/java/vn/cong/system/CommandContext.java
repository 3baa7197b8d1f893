package vn.cong.system;

import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The application context of a one-off operator command ({@code backup}, {@code restore}, …): the platform's beans
 * without its background jobs, which belong to the running nodes, and without applying the tenant manifests.
 */
public final class CommandContext {

    private CommandContext() {
    }

    public static ApplicationContext start() {
        return ApplicationContext.builder()
                .properties(Map.of("cong.startup.apply-manifests", false,
                        "cong.integrity.enabled", false, "cong.uptime.enabled", false,
                        "cong.backup.scheduler.enabled", false, "cong.maintenance.scheduler.enabled", false))
                .deduceEnvironment(false)
                .start();
    }
}
