package vn.cong.ops.uptime;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.cong.onboarding.Onboarding;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ClusterJobs;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily roll-up: per target and day it holds what the raw checks gave, raw rounds older than the kept window are
 * gone, and the status page and the availability figures read the same before and after.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UptimeRollupTest extends PlatformTestSupport {

    /** 12:00 in Hanoi on 20/11/2026: today has twelve hourly rounds, the ten days before it twenty-four each. */
    private static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 20, 12, 0, 0, 0, VietnamTime.ZONE);
    private static final int PAST_DAYS = 10;

    final MutableClock clock = new MutableClock(NOON.toInstant());

    @Inject
    Onboarding onboarding;
    @Inject
    ClusterJobs jobs;
    @Inject
    List<ClusterJob> enabledJobs;
    @Inject
    UptimeRollup rollup;
    @Inject
    StatusBoard board;
    @Inject
    Availability availability;

    /** Per day, alpha's expected {up, down}, as the rows are written. */
    private final Map<LocalDate, long[]> alphaExpected = new HashMap<>();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        // the job runs only when this test runs it
        return Map.of("cong.uptime.rollup.enabled", "true", "cong.uptime.rollup.initial-delay", "1h",
                "cong.uptime.rollup.keep-raw-days", "7");
    }

    @BeforeAll
    void hourlyReadingsOverElevenDays() throws SQLException {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        try (var c = jdbc();
             var round = c.prepareStatement("INSERT INTO platform.uptime_rounds (slot, node, started_at, finished_at) VALUES (?, 'test', ?, ?)");
             var check = c.prepareStatement("INSERT INTO platform.uptime_checks (slot, target, tenant_code, url, ok, status, latency_ms, at) VALUES (?, ?, ?, ?, ?, ?, 12, ?)")) {
            for (ZonedDateTime t = NOON.toLocalDate().minusDays(PAST_DAYS).atStartOfDay(VietnamTime.ZONE); t.isBefore(NOON); t = t.plusHours(1)) {
                var slot = t.toOffsetDateTime();
                round.setObject(1, slot);
                round.setObject(2, slot);
                round.setObject(3, slot);
                round.executeUpdate();
                // alpha is down in a pattern that differs by day; the ministry always answers; one round misses alpha's check
                int day = t.getDayOfMonth();
                boolean alphaUp = (t.getHour() + day) % 7 != 0;
                boolean alphaChecked = !(t.getHour() == 3 && day == 14);
                write(check, slot, "tenant:bo", "bo", true);
                if (alphaChecked) {
                    write(check, slot, "tenant:alpha", "alpha", alphaUp);
                    alphaExpected.computeIfAbsent(t.toLocalDate(), d -> new long[2])[alphaUp ? 0 : 1]++;
                }
            }
        }
    }

    private static void write(java.sql.PreparedStatement check, OffsetDateTime slot, String target, String tenant, boolean ok) throws SQLException {
        check.setObject(1, slot);
        check.setString(2, target);
        check.setString(3, tenant);
        check.setString(4, "http://" + tenant + ".most.localhost/");
        check.setBoolean(5, ok);
        check.setInt(6, ok ? 200 : 503);
        check.setObject(7, slot);
        check.executeUpdate();
    }

    @Test
    @Order(1)
    void rollUpHoldsTheRawFiguresDropsOldRoundsAndTheStatusPageReadsTheSame() throws Exception {
        LocalDate today = NOON.toLocalDate();
        LocalDate from = today.minusDays(PAST_DAYS);
        StatusBoard.Board before = board.board("most.localhost").block();
        assertTrue(before.rows().stream().map(StatusBoard.Row::name).toList().containsAll(List.of("Bộ Thử nghiệm", "Cục Alpha")),
                "both portals are on the board");
        List<Availability.Day> alphaBefore = availability.daily("tenant:alpha", from, today).block();
        assertTrue(alphaBefore.stream().anyMatch(d -> d.down() > 0), "alpha has downtime to roll up");

        ClusterJob rollupJob = enabledJobs.stream().filter(j -> j.name().equals(UptimeRollupJob.NAME)).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(PAST_DAYS * 2), jobs.run(rollupJob, clock.instant()).block(),
                "one row per target and past day");

        // the roll-up holds what the raw readings gave
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT day, up, down, maintenance FROM platform.uptime_days WHERE target = 'tenant:alpha' ORDER BY day")) {
            int days = 0;
            while (rs.next()) {
                LocalDate day = rs.getObject(1, LocalDate.class);
                long[] expected = alphaExpected.get(day);
                assertEquals(expected[0], rs.getLong(2), "up on " + day);
                assertEquals(expected[1], rs.getLong(3), "down on " + day);
                assertEquals(0, rs.getLong(4));
                days++;
            }
            assertEquals(PAST_DAYS, days);
        }
        // raw rounds of the seven kept days (today included) stay, older ones are gone
        LocalDate keptFrom = today.minusDays(6);
        assertEquals(0, count("SELECT count(*) FROM platform.uptime_rounds WHERE slot < '" + keptFrom.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime() + "'"));
        assertEquals(0, count("SELECT count(*) FROM platform.uptime_checks WHERE slot < '" + keptFrom.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime() + "'"));
        assertEquals(6 * 24 + 12, count("SELECT count(*) FROM platform.uptime_rounds"));

        // the status page and the availability figures are the same, read from the roll-up for past days
        assertSameBoard(before, board.board("most.localhost").block());
        assertEquals(alphaBefore, availability.daily("tenant:alpha", from, today).block());
    }

    @Test
    @Order(2)
    void rollingUpAgainChangesNothingAndTheNextDayIsAdded() throws Exception {
        rollup.rollUp(clock.instant()).block();
        StatusBoard.Board before = board.board("most.localhost").block();
        long rows = count("SELECT count(*) FROM platform.uptime_days");
        long up = count("SELECT sum(up) FROM platform.uptime_days");

        UptimeRollup.Outcome again = rollup.rollUp(clock.instant()).block();

        assertEquals(0, again.roundsDeleted());
        assertEquals(rows, count("SELECT count(*) FROM platform.uptime_days"));
        assertEquals(up, count("SELECT sum(up) FROM platform.uptime_days"));
        assertSameBoard(before, board.board("most.localhost").block());

        // a day later today's twelve rounds are rolled up too, and one more day of raw rounds goes
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        UptimeRollup.Outcome next = rollup.rollUp(tomorrow).block();
        assertEquals(24, next.roundsDeleted());
        long[] today = alphaExpected.get(NOON.toLocalDate());
        assertEquals(today[0], count("SELECT up FROM platform.uptime_days WHERE target = 'tenant:alpha' AND day = DATE '" + NOON.toLocalDate() + "'"));
    }

    private static void assertSameBoard(StatusBoard.Board expected, StatusBoard.Board actual) {
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            StatusBoard.Row e = expected.rows().get(i);
            StatusBoard.Row a = actual.rows().get(i);
            assertEquals(e.name(), a.name());
            assertEquals(e.availabilityText(), a.availabilityText(), e.name());
            assertEquals(e.days(), a.days(), e.name());
        }
    }

    private long count(String sql) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
