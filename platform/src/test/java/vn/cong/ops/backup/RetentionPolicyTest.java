package vn.cong.ops.backup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionPolicyTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Instant now = LocalDateTime.of(2026, 11, 22, 12, 0).atZone(VN).toInstant();

    @Test
    void presetKeepsFourteenDailiesThenOnePerWeekForTwelveWeeks() {
        // one backup a day at 01:30 for 120 days, ids counting back from today (id 0 = today)
        List<RetentionPolicy.Taken> daily = new ArrayList<>();
        for (int day = 0; day < 120; day++) {
            daily.add(new RetentionPolicy.Taken(day, LocalDateTime.of(2026, 11, 22, 1, 30).minusDays(day).atZone(VN).toInstant()));
        }
        Set<Long> deleted = RetentionPolicy.preset().toDelete(daily, now);

        Set<Long> kept = new TreeSet<>();
        daily.forEach(b -> {
            if (!deleted.contains(b.id())) {
                kept.add(b.id());
            }
        });
        // days 0..13 are kept as dailies (2026-11-22 back to 2026-11-09)
        for (long d = 0; d <= 13; d++) {
            assertEquals(true, kept.contains(d), "daily " + d);
        }
        // older: only the newest backup of each ISO week (its Sunday) within 12 weeks (84 days);
        // the dailies already cover the weeks of 16–22/11 and 9–15/11, so 10 weekly backups remain
        Set<Long> weekly = new TreeSet<>(kept);
        weekly.removeIf(id -> id <= 13);
        assertEquals(Set.of(14L, 21L, 28L, 35L, 42L, 49L, 56L, 63L, 70L, 77L), weekly);
        assertEquals(120 - 14 - 10, deleted.size());
    }

    @Test
    void nothingIsDeletedWhenAllBackupsAreRecent() {
        List<RetentionPolicy.Taken> recent = List.of(
                new RetentionPolicy.Taken(1, now.minusSeconds(3600)),
                new RetentionPolicy.Taken(2, now.minusSeconds(86400 * 3)));
        assertEquals(Set.of(), RetentionPolicy.preset().toDelete(recent, now));
    }

    @Test
    void everythingBeyondTheWeeklyWindowGoes() {
        List<RetentionPolicy.Taken> old = List.of(
                new RetentionPolicy.Taken(1, now.minusSeconds(86400L * 100)),
                new RetentionPolicy.Taken(2, now.minusSeconds(86400L * 200)));
        assertEquals(Set.of(1L, 2L), RetentionPolicy.preset().toDelete(old, now));
    }
}
