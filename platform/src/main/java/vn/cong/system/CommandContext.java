package vn.cong.system;

import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The application context of a one-off operator command ({@code onboard}, {@code backup}, {@code restore}, …): the
 * platform's beans without its background jobs, which belong to the running nodes ({@code cong.jobs.enabled}: none of
 * them is scheduled, so a command against 2,000 tenants does not sweep them all while it works), and without applying
 * the tenant manifests.
 */
public final class CommandContext {

    private CommandContext() {
    }

    public static ApplicationContext start() {
        return start(Map.of());
    }

    /** The same, with more properties (a command's own settings). */
    public static ApplicationContext start(Map<String, Object> more) {
        Map<String, Object> properties = new java.util.HashMap<>(more);
        properties.put("cong.startup.apply-manifests", false);
        properties.put("cong.jobs.enabled", false);
        return ApplicationContext.builder().properties(properties).deduceEnvironment(false).start();
    }
}
