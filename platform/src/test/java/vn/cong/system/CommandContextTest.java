package vn.cong.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.tenancy.jobs.ClusterJobs;
import vn.cong.testing.PlatformTestSupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-off command (onboard, backup, restore, integrity, imports) runs none of the background jobs: with 2,000
 * tenants, each command's process used to sweep every tenant with the reminders, unpublishing and polling jobs
 * while it worked, beside the nodes that already do.
 */
@MicronautTest(transactional = false)
class CommandContextTest extends PlatformTestSupport {

    @Inject
    ClusterJobs nodeJobs;

    @Test
    void aCommandSchedulesNoJobWhereANodeSchedulesThemAll() {
        assertTrue(nodeJobs.scheduled().contains("registry-poll"), "a node: " + nodeJobs.scheduled());
        Map<String, Object> sameDatabase = new HashMap<>(getProperties());
        try (ApplicationContext command = CommandContext.start(sameDatabase)) {
            assertEquals(List.of(), command.getBean(ClusterJobs.class).scheduled());
        }
    }
}
