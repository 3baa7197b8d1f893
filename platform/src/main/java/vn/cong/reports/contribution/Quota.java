package vn.cong.reports.contribution;

import io.micronaut.core.annotation.Nullable;
import vn.cong.content.classification.Genre;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit's quota, from the regulation profile's {@code quota} value: a list of monthly minimums, each over every item
 * or over one genre. A unit meets it when, over a period, each minimum times the period's months is reached; it is
 * commended at three times that [004 §II.1: "gấp hơn 3 lần theo quy định trở lên"].
 */
public record Quota(String code, String label, List<Requirement> requirements) {

    /** At least {@code perMonth} items a month on average, of {@code genre} (null: of any genre). */
    public record Requirement(@Nullable Genre genre, int perMonth) {
    }

    static final BigDecimal COMMENDED_TIMES = BigDecimal.valueOf(3);

    public static Quota of(String code, String label) {
        return new Quota(code, label, switch (code) {
            case "most" -> List.of(new Requirement(null, 2));
            case "haiphong" -> List.of(new Requirement(Genre.NEWS, 5), new Requirement(Genre.ANALYSIS, 3));
            default -> List.of();
        });
    }

    /** The number of items a unit must reach over {@code months}, when the quota counts every genre alike; else null. */
    public @Nullable BigDecimal itemsOver(BigDecimal months) {
        return requirements.size() == 1 && requirements.get(0).genre() == null
                ? BigDecimal.valueOf(requirements.get(0).perMonth()).multiply(months) : null;
    }

    public boolean set() {
        return !requirements.isEmpty();
    }

    /** @param counts the unit's items: total under key null, per genre under the genre */
    public boolean metBy(Map<Genre, Long> counts, long total, BigDecimal months) {
        return set() && reached(counts, total, months, BigDecimal.ONE);
    }

    public boolean commends(Map<Genre, Long> counts, long total, BigDecimal months) {
        return set() && reached(counts, total, months, COMMENDED_TIMES);
    }

    private boolean reached(Map<Genre, Long> counts, long total, BigDecimal months, BigDecimal times) {
        for (Requirement r : requirements) {
            long n = r.genre() == null ? total : counts.getOrDefault(r.genre(), 0L);
            if (BigDecimal.valueOf(n).compareTo(BigDecimal.valueOf(r.perMonth()).multiply(months).multiply(times)) < 0) {
                return false;
            }
        }
        return true;
    }
}
