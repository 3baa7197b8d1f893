package vn.cong.workflow.deadline;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's deadline rules. The presets carry the seeds' values; a tenant setting may replace any
 * rule. Rules the regulation does not set are absent (no deadline), never invented.
 */
public record DeadlinePolicy(String name, Map<DeadlineKind, DeadlineRule> rules) {

    public DeadlinePolicy {
        rules = Map.copyOf(rules);
    }

    public Optional<ZonedDateTime> due(DeadlineKind kind, ZonedDateTime start, WorkingCalendar calendar) {
        return due(kind, start, calendar, DeadlineReadings.standard());
    }

    /** When {@code kind} falls due, the seed's ambiguous days and hours read as the tenant reads them. */
    public Optional<ZonedDateTime> due(DeadlineKind kind, ZonedDateTime start, WorkingCalendar calendar, DeadlineReadings readings) {
        return Optional.ofNullable(rules.get(kind)).map(rule -> rule.read(readings).due(start, calendar));
    }

    public DeadlinePolicy with(DeadlineKind kind, DeadlineRule rule) {
        Map<DeadlineKind, DeadlineRule> copy = new EnumMap<>(rules);
        copy.put(kind, rule);
        return new DeadlinePolicy(name, copy);
    }

    /** Ministry of Science and Technology, 2024 [seed 000, Điều 10.2]. */
    public static DeadlinePolicy most() {
        Map<DeadlineKind, DeadlineRule> r = new EnumMap<>(DeadlineKind.class);
        // "không quá 12 giờ", "6 giờ": which hours the seed does not say (reading: hours)
        r.put(DeadlineKind.EVENT_NEWS_SUBMISSION, new DeadlineRule.Hours(12));
        r.put(DeadlineKind.EDITING_HIGHLIGHTED, new DeadlineRule.Hours(6));
        r.put(DeadlineKind.EDITING_ROUTINE, new DeadlineRule.Hours(12));
        r.put(DeadlineKind.DOCUMENT_PUBLICATION, new DeadlineRule.NoonCutoff(LocalTime.NOON));
        r.put(DeadlineKind.DRAFT_LEGAL_DOCUMENT, new DeadlineRule.WorkingDays(1));
        r.put(DeadlineKind.STRATEGY_PLAN_TENDER, new DeadlineRule.WorkingDays(3));
        r.put(DeadlineKind.STATISTICS, new DeadlineRule.WorkingDays(3));
        return new DeadlinePolicy("most", r);
    }

    /** Ministry of Home Affairs, 2018 [seed 001, Điều 10.2]: news online within 12 working hours. */
    public static DeadlinePolicy moha() {
        Map<DeadlineKind, DeadlineRule> r = new EnumMap<>(DeadlineKind.class);
        r.put(DeadlineKind.EVENT_NEWS_SUBMISSION, new DeadlineRule.WorkingHours(12));
        return new DeadlinePolicy("moha", r);
    }

    /** Hải Phòng Department of Education and Training, 2022 [seed 003, Điều 13.2, 15]. */
    public static DeadlinePolicy haiPhong() {
        Map<DeadlineKind, DeadlineRule> r = new EnumMap<>(DeadlineKind.class);
        // "chậm nhất 01 ngày", "15 ngày", Q&A "01/03/07 ngày": which days the seed does not say (reading: days;
        // Hải Phòng's preset reads working days, so "within 1 day" never lands on a Saturday or a holiday)
        r.put(DeadlineKind.EVENT_NEWS_SUBMISSION, new DeadlineRule.Days(1));
        r.put(DeadlineKind.DOCUMENT_PUBLICATION, new DeadlineRule.NoonCutoff(LocalTime.NOON));
        r.put(DeadlineKind.DRAFT_LEGAL_DOCUMENT, new DeadlineRule.Days(1));
        r.put(DeadlineKind.STRATEGY_PLAN_TENDER, new DeadlineRule.WorkingDays(3));
        r.put(DeadlineKind.STATISTICS, new DeadlineRule.WorkingDays(3));
        r.put(DeadlineKind.RESEARCH_TOPIC, new DeadlineRule.WorkingDays(20));
        r.put(DeadlineKind.MONTHLY_REPORT, new DeadlineRule.FirstWeekOfNextMonth());
        r.put(DeadlineKind.PERIODIC_REPORT, new DeadlineRule.Days(15));
        r.put(DeadlineKind.QA_FORWARD, new DeadlineRule.Days(1));
        r.put(DeadlineKind.QA_ANSWER_ONE_UNIT, new DeadlineRule.Days(3));
        r.put(DeadlineKind.QA_ANSWER_SEVERAL_UNITS, new DeadlineRule.Days(7));
        r.put(DeadlineKind.QA_PUBLISH_ANSWER, new DeadlineRule.Days(1));
        return new DeadlinePolicy("hai-phong", r);
    }

    /**
     * Bình Định Department of Science and Technology, 2018 [seed 002]: the regulation sets no publishing
     * deadline, so none is invented.
     */
    public static DeadlinePolicy binhDinh() {
        return new DeadlinePolicy("binh-dinh", Map.of());
    }

    public static Optional<DeadlinePolicy> preset(String name) {
        return switch (name) {
            case "most" -> Optional.of(most());
            case "moha" -> Optional.of(moha());
            case "binh-dinh" -> Optional.of(binhDinh());
            case "hai-phong" -> Optional.of(haiPhong());
            default -> Optional.empty();
        };
    }
}
