package vn.cong.ops.backup;

import vn.cong.system.VietnamTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups to keep: every backup younger than {@code keepDaily} days, then the newest backup
 * of each ISO week for {@code keepWeekly} weeks; everything older or redundant goes.
 */
public record RetentionPolicy(int keepDaily, int keepWeekly, ZoneId zone) {

    public static RetentionPolicy preset() {
        return new RetentionPolicy(14, 12, VietnamTime.ZONE);
    }

    /** A successful backup taken at a moment. */
    public record Taken(long id, Instant at) {
    }

    /** @param backups successful, not yet deleted backups of one tenant */
    public Set<Long> toDelete(List<Taken> backups, Instant now) {
        Instant dailyLimit = now.minus(keepDaily, ChronoUnit.DAYS);
        Instant weeklyLimit = now.minus(keepWeekly * 7L, ChronoUnit.DAYS);
        Set<String> weeksKept = new HashSet<>();
        Set<Long> delete = new HashSet<>();
        backups.stream()
                .sorted((a, b) -> b.at().compareTo(a.at())) // newest first: the first seen of a week is kept
                .forEach(b -> {
                    if (!b.at().isBefore(dailyLimit)) {
                        weeksKept.add(week(b.at()));
                    } else if (!b.at().isBefore(weeklyLimit) && weeksKept.add(week(b.at()))) {
                        // the newest backup of a week we had none of yet
                    } else {
                        delete.add(b.id());
                    }
                });
        return delete;
    }

    private String week(Instant at) {
        LocalDate d = at.atZone(zone).toLocalDate();
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
