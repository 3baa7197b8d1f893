package vn.cong.tenancy.outbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.jobs.JobRun;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox: a message is written with the transaction that caused it, delivered once even with two
 * nodes racing, retried with exponential back-off and then marked failed, and never seen or delivered
 * under another tenant.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxTest extends PlatformTestSupport {

    // PostgreSQL keeps microseconds: a clock at whole milliseconds compares exactly
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Inject ApplicationContext context;
    @Inject Outbox outbox;
    @Inject TenantDatabase db;

    private ApplicationContext secondNode;
    private Tenant alpha;
    private Tenant beta;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("outbox-test.recording", "true", "cong.outbox.retry-delay", "1m", "cong.outbox.max-attempts", "3",
                "cong.outbox.batch", "7");
    }

    @BeforeAll
    void setUp() {
        TwoPortals portals = TwoPortals.onboard(context);
        alpha = portals.alpha();
        beta = portals.beta();
        secondNode = ApplicationContext.builder().environments("test").properties(new HashMap<>(getProperties())).start();
    }

    @AfterAll
    void stop() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    private long enqueue(Outbox on, Tenant tenant, String mark) {
        return db.mono(tenant, c -> on.enqueue(tenant, c, RecordingHandler.KIND, Map.of("mark", mark))).block();
    }

    private OutboxMessage message(Tenant tenant, long id) {
        return outbox.messages(tenant, 500).block().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    @Order(1) // before the other tests move this node's clock ahead of the second node's
    void eachMessageIsDeliveredOnceWhileTwoNodesRace() {
        Outbox other = secondNode.getBean(Outbox.class);
        TenantDatabase otherDb = secondNode.getBean(TenantDatabase.class);
        // written on the second node, whose clock is the real one: due for both nodes
        List<Long> ids = LongStream.range(0, 30)
                .mapToObj(i -> otherDb.mono(alpha, c -> other.enqueue(alpha, c, RecordingHandler.KIND, Map.of("mark", "race-" + i))).block())
                .toList();
        int sent = Flux.merge(Mono.defer(() -> outbox.deliver(alpha)).repeat(4).subscribeOn(Schedulers.parallel()),
                        Mono.defer(() -> other.deliver(alpha)).repeat(4).subscribeOn(Schedulers.parallel()),
                        Mono.defer(() -> outbox.deliver(alpha)).repeat(4).subscribeOn(Schedulers.parallel()),
                        Mono.defer(() -> other.deliver(alpha)).repeat(4).subscribeOn(Schedulers.parallel()))
                .reduce(0, Integer::sum).block();

        assertEquals(ids.size(), sent, "the nodes together sent each message once");
        for (long id : ids) {
            assertEquals(List.of("alpha"), RecordingHandler.DELIVERIES.get(id), "message " + id + " delivered once, for alpha");
            OutboxMessage m = message(alpha, id);
            assertEquals(OutboxStatus.SENT, m.status());
            assertEquals(1, m.attempts());
            assertNotNull(m.doneAt());
        }
        assertEquals(0, outbox.deliver(alpha).block(), "nothing left");
    }

    @Test
    void aFailingDeliveryIsRetriedWithExponentialBackOffThenMarkedFailed() {
        long id = enqueue(outbox, beta, "retry");
        RecordingHandler.failing = true;
        try {
            outbox.deliver(beta).block();
            OutboxMessage first = message(beta, id);
            assertEquals(OutboxStatus.PENDING, first.status());
            assertEquals(1, first.attempts());
            assertEquals("máy nhận không trả lời", first.lastError());
            assertEquals(clock.instant().plus(Duration.ofMinutes(1)), first.nextAt().toInstant(), "retry-delay after the first failure");

            outbox.deliver(beta).block();
            assertEquals(1, message(beta, id).attempts(), "not retried before its time");

            clock.advance(Duration.ofMinutes(1));
            outbox.deliver(beta).block();
            OutboxMessage second = message(beta, id);
            assertEquals(2, second.attempts());
            assertEquals(clock.instant().plus(Duration.ofMinutes(2)), second.nextAt().toInstant(), "twice the delay after the second");

            clock.advance(Duration.ofMinutes(1));
            outbox.deliver(beta).block();
            assertEquals(2, message(beta, id).attempts(), "still waiting");

            clock.advance(Duration.ofMinutes(1));
            outbox.deliver(beta).block();
            OutboxMessage last = message(beta, id);
            assertEquals(OutboxStatus.FAILED, last.status(), "given up after max-attempts (3)");
            assertEquals(3, last.attempts());
            assertNotNull(last.doneAt());

            clock.advance(Duration.ofHours(1));
            outbox.deliver(beta).block();
            assertEquals(3, message(beta, id).attempts(), "a failed message is not tried again");
        } finally {
            RecordingHandler.failing = false;
        }
        assertTrue(!RecordingHandler.DELIVERIES.containsKey(id));
    }

    @Test
    void aTenantNeitherSeesNorDeliversAnotherTenantsMessages() {
        long alphaId = enqueue(outbox, alpha, "chi-alpha");
        long betaId = enqueue(outbox, beta, "chi-beta");

        assertTrue(outbox.messages(alpha).block().stream().noneMatch(m -> !"alpha".equals(m.tenantCode())), "alpha's list holds alpha's only");
        assertTrue(outbox.messages(alpha).block().stream().noneMatch(m -> m.id() == betaId));
        assertTrue(outbox.messages(beta).block().stream().noneMatch(m -> m.id() == alphaId));
        assertTrue(outbox.platformMessages(100).block().stream().noneMatch(m -> m.id() == alphaId || m.id() == betaId));

        outbox.deliver(beta).block();
        assertEquals(List.of("beta"), RecordingHandler.DELIVERIES.get(betaId), "beta's message delivered for beta");
        assertTrue(!RecordingHandler.DELIVERIES.containsKey(alphaId), "beta's pass leaves alpha's message alone");
        assertEquals(OutboxStatus.PENDING, message(alpha, alphaId).status());

        outbox.deliver(alpha).block();
        assertEquals(List.of("alpha"), RecordingHandler.DELIVERIES.get(alphaId));
    }

    @Test
    void aMessageIsWrittenOnlyIfItsTransactionCommits() {
        assertThrows(IllegalStateException.class, () -> db.mono(alpha, c -> outbox.enqueue(alpha, c, RecordingHandler.KIND, Map.of("mark", "rolled-back"))
                .then(Mono.error(new IllegalStateException("the change failed")))).block());
        assertTrue(outbox.messages(alpha).block().stream().noneMatch(m -> m.payload().contains("rolled-back")),
                "the change rolled back, and its message with it");
    }

    @Test
    @Order(Integer.MAX_VALUE) // moves the clock a month ahead
    void messagesThatAreDoneAreForgottenAfterTheRetentionWaitingOnesAreKept() {
        long done = enqueue(outbox, alpha, "xong");
        outbox.deliver(alpha).block();
        assertEquals(OutboxStatus.SENT, message(alpha, done).status());
        long waiting = enqueue(outbox, alpha, "cho");

        clock.advance(Duration.ofDays(29));
        outbox.forgetDone().block();
        assertEquals(OutboxStatus.SENT, message(alpha, done).status(), "kept within the retention (30 days)");

        clock.advance(Duration.ofDays(2));
        RecordingHandler.failing = true; // the waiting one stays pending through the job's slot
        try {
            outbox.deliver(JobRun.unscheduled("outbox", clock.instant(), List.of(alpha))).block();
        } finally {
            RecordingHandler.failing = false;
        }
        assertTrue(outbox.messages(alpha).block().stream().noneMatch(m -> m.id() == done), "a sent message is gone after the retention");
        assertEquals(OutboxStatus.PENDING, message(alpha, waiting).status(), "a waiting one is never forgotten");
    }
}
