package vn.cong.ops.backup;

import org.junit.jupiter.api.Test;
import vn.cong.system.VietnamTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduled backups of many tenants on the same cron spread evenly over the window after it (issue 15, point 2). */
class BackupWindowTest {

    private static final String TWICE_A_WEEK = "0 30 1 * * MON,THU";
    /** Monday 2026-12-07, 00:00 in Vietnam. */
    private static final Instant MONDAY_MIDNIGHT = LocalDateTime.of(2026, 12, 7, 0, 0).atZone(VietnamTime.ZONE).toInstant();
    private static final Instant MONDAY_0130 = MONDAY_MIDNIGHT.plus(Duration.ofMinutes(90));
    private static final Instant THURSDAY_0130 = MONDAY_0130.plus(Duration.ofDays(3));

    private final BackupWindow hour = new BackupWindow(Duration.ofHours(1));

    @Test
    void twoThousandTenantsOnOneCronSpreadEvenlyOverTheHourAfterIt() {
        int tenants = 2000;
        int[] perFiveMinutes = new int[12];
        Set<Instant> distinct = new HashSet<>();
        for (int i = 1; i <= tenants; i++) {
            Instant slot = hour.slotAfter("unit%04d".formatted(i), TWICE_A_WEEK, MONDAY_MIDNIGHT);
            assertTrue(!slot.isBefore(MONDAY_0130) && slot.isBefore(MONDAY_0130.plus(Duration.ofHours(1))),
                    "inside the window after Monday 01:30: " + slot);
            perFiveMinutes[(int) (Duration.between(MONDAY_0130, slot).toMinutes() / 5)]++;
            distinct.add(slot);
        }
        double mean = tenants / 12.0;
        for (int bucket = 0; bucket < 12; bucket++) {
            assertTrue(perFiveMinutes[bucket] > 0.75 * mean && perFiveMinutes[bucket] < 1.25 * mean,
                    "minutes " + bucket * 5 + "–" + (bucket * 5 + 5) + " hold " + perFiveMinutes[bucket] + " of " + tenants);
        }
        assertTrue(distinct.size() > 1990, "almost every tenant has a moment of its own: " + distinct.size());
    }

    @Test
    void aTenantKeepsItsPlaceFromOneSlotToTheNext() {
        Instant monday = hour.slotAfter("stc", TWICE_A_WEEK, MONDAY_MIDNIGHT);
        Instant thursday = hour.slotAfter("stc", TWICE_A_WEEK, monday);
        assertEquals(Duration.between(MONDAY_0130, monday), Duration.between(THURSDAY_0130, thursday));
        assertEquals(hour.offsetOf("stc"), Duration.between(MONDAY_0130, monday));
        assertNotEquals(hour.offsetOf("stc"), hour.offsetOf("www"), "two tenants, two places");
    }

    @Test
    void aSlotStillAheadInsideTheWindowIsNotSkipped() {
        // at 01:30 + half the tenant's offset, its slot of this Monday has not come yet: it is taken, not Thursday's
        String code = "unit0001";
        Duration offset = hour.offsetOf(code);
        Instant midway = MONDAY_0130.plus(offset.dividedBy(2));
        assertEquals(MONDAY_0130.plus(offset), hour.slotAfter(code, TWICE_A_WEEK, midway));
        // once it has passed, the next is Thursday's at the same place
        assertEquals(THURSDAY_0130.plus(offset), hour.slotAfter(code, TWICE_A_WEEK, MONDAY_0130.plus(offset)));
    }

    @Test
    void aWindowOfZeroKeepsTheCronTimeAndAnInvalidCronIsRefused() {
        BackupWindow none = new BackupWindow(Duration.ZERO);
        assertEquals(MONDAY_0130, none.slotAfter("unit0001", TWICE_A_WEEK, MONDAY_MIDNIGHT));
        assertEquals(MONDAY_0130.truncatedTo(ChronoUnit.MINUTES), none.slotAfter("x", TWICE_A_WEEK, MONDAY_MIDNIGHT));
        assertThrows(IllegalArgumentException.class, () -> hour.slotAfter("unit0001", "not a cron", MONDAY_MIDNIGHT));
        assertThrows(IllegalArgumentException.class, () -> new BackupWindow(Duration.ofMinutes(-1)));
    }
}
