package vn.cong.workflow;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled publishing with two platform instances on one database: each due item is published
 * exactly once, and the tenant's content version moves so cached pages show it.
 */
@MicronautTest(transactional = false)
class ScheduledPublishingTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject SubmitItem submit;
    @Inject TakeForEditing take;
    @Inject SendForApproval send;
    @Inject PublishItem publish;
    @Inject ScheduledPublishing scheduled;

    private ApplicationContext secondNode;
    private Tenant alpha;
    private Staff staff;

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        alpha = registry.findByCode("alpha").orElseThrow();
        staff = Staff.create(accounts, alpha);
        secondNode = ApplicationContext.builder().environments("test").properties(new java.util.HashMap<>(getProperties())).start();
    }

    @AfterAll
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    private long number(String sql) {
        return SqlProbe.number(this::jdbc, sql);
    }

    private void sql(String statement) {
        SqlProbe.run(this::jdbc, statement);
    }

    /** An approved routine item scheduled for tomorrow. */
    private Outcome scheduledItem(String slug) {
        long section = number("SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        SavedItem d = Staff.draft(publishing, alpha, section, slug, staff.get(Role.EDITOR));
        Outcome o = submit.submit(alpha, d.id(), d.version(), staff.get(Role.EDITOR), Staff.submission(Sensitivity.ROUTINE)).block();
        o = take.take(alpha, o.itemId(), o.version(), staff.get(Role.EDITOR)).block();
        o = send.send(alpha, o.itemId(), o.version(), staff.get(Role.EDITOR), "").block();
        return publish.publish(alpha, o.itemId(), o.version(), staff.get(Role.EDITOR), OffsetDateTime.now().plusDays(1)).block();
    }

    @Test
    void dueItemsArePublishedExactlyOnceWhenTwoInstancesRunTheJobTogether() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Outcome o = scheduledItem("tin-hen-gio-" + i);
            assertEquals("scheduled", o.state());
            ids.add(o.itemId());
        }
        Outcome later = scheduledItem("tin-hen-ngay-mai");
        Browser reader = new Browser(server.getPort(), "alpha.most.localhost");
        assertEquals(404, reader.get("/bai-viet/tin-hen-gio-0").statusCode(), "not public before its time");
        long versionBefore = number("SELECT content_version FROM platform.tenants WHERE code = 'alpha'");
        // the scheduled time has come for six of them (the test moves the clock of the items, not the job)
        sql("UPDATE t_alpha.content_items SET published_at = now() - interval '1 minute' WHERE slug LIKE 'tin-hen-gio-%'");

        ScheduledPublishing other = secondNode.getBean(ScheduledPublishing.class);
        List<Integer> published = Flux.merge(
                        Mono.defer(scheduled::publishDue).subscribeOn(Schedulers.parallel()),
                        Mono.defer(other::publishDue).subscribeOn(Schedulers.parallel()),
                        Mono.defer(scheduled::publishDue).subscribeOn(Schedulers.parallel()),
                        Mono.defer(other::publishDue).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertEquals(6, published.stream().mapToInt(Integer::intValue).sum(), "six items between the runs: " + published);
        for (long id : ids) {
            assertEquals(1, number("SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + id + " AND action = 'publish_scheduled'"),
                    "item " + id + " published once");
            assertEquals(1, number("SELECT count(*) FROM t_alpha.content_items WHERE id = " + id + " AND state = 'published'"
                    + " AND published_hash IS NOT NULL"));
        }
        assertEquals(1, number("SELECT count(*) FROM t_alpha.content_items WHERE id = " + later.itemId() + " AND state = 'scheduled'"),
                "tomorrow's item waits");
        assertTrue(number("SELECT content_version FROM platform.tenants WHERE code = 'alpha'") > versionBefore);
        registry.reload().block();
        assertEquals(200, reader.get("/bai-viet/tin-hen-gio-0").statusCode(), "the cached 404 is replaced at once");
        assertEquals(0, scheduled.publishDue().block(), "nothing left to do");
    }
}
