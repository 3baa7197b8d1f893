package vn.cong.reports.contribution;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The contribution report of a period in seed 004's layout: totals (supplied by units and individuals, found by the
 * board, rejected), items per section and per topic, every unit under the duty with its total and monthly average,
 * those meeting and missing the quota, those commended, the contributors outside the duty, and the rejected items with
 * their reasons. Every number comes from the items themselves.
 */
@Serdeable
public record ContributionReport(String from, String to, String periodLabel, BigDecimal months, String monthsText, boolean partialMonths,
                                 String quotaCode, String quotaLabel, long total, long supplied, long found, long rejected,
                                 List<Count> sections, List<Count> topics, List<UnitLine> units, List<UnitLine> meeting,
                                 List<UnitLine> missing, List<UnitLine> commended, List<Count> outside, long outsideTotal,
                                 List<RejectedItem> rejectedItems) {

    /** A named count (a section, a topic, a contributor outside the duty). */
    @Serdeable
    public record Count(String name, long items) {
    }

    /**
     * A unit under the duty: its items in the period (rejected ones included, as seed 004 counts them), of which news
     * and analyses, and its monthly average as a number and as printed.
     */
    @Serdeable
    public record UnitLine(long unitId, String name, long total, long rejected, long news, long analyses, BigDecimal average,
                           String averageText, boolean meets, boolean commended) {
    }

    /** An item the board refused, counted in its unit's total. */
    @Serdeable
    public record RejectedItem(long itemId, String title, String unit, String submittedOn, String reason) {
    }

    public boolean quotaSet() {
        return !"none".equals(quotaCode);
    }

    public String commendedNames() {
        return String.join("; ", commended.stream().map(UnitLine::name).toList());
    }

    /** Whether the quota counts genres (Hải Phòng: news and analyses a month), so each unit's news and analyses are shown. */
    public boolean byGenre() {
        return Quota.of(quotaCode, quotaLabel).requirements().stream().anyMatch(r -> r.genre() != null);
    }

    public long underDuty() {
        return units.size();
    }
}
