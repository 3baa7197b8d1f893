package vn.cong.reports.contribution;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.classification.Genre;
import vn.cong.reports.contribution.ContributionReport.Count;
import vn.cong.reports.contribution.ContributionReport.RejectedItem;
import vn.cong.reports.contribution.ContributionReport.UnitLine;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.workflow.RejectionReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the contribution report of a period from the tenant's items. Counting rules (seed 004, as
 * {@code notes/seed004-figures.md} reads it): an item counts at its submission time (its first one), or at its
 * publication when it was never submitted, in Vietnam time; rejected items count in their unit's total; an item counts at
 * the unit its edit form names, else at its submission's; an item not marked supplied or found is supplied when it came
 * through a submission or names a unit, found otherwise; a retired topic is listed only while items have it; the monthly average is the
 * total over the period's months, a partial month counting in proportion to its days.
 */
@Singleton
public class ContributionReports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TenantDatabase db;
    private final RegulationProfiles profiles;

    public ContributionReports(TenantDatabase db, RegulationProfiles profiles) {
        this.db = db;
        this.profiles = profiles;
    }

    private record Item(long id, String title, String state, OffsetDateTime countedAt, String origin, @Nullable String genre,
                       @Nullable Long sectionId, @Nullable Long topicId, @Nullable Long unitId, String unitText,
                       @Nullable String reasonCode, @Nullable String reasonText) {
    }

    private record UnitRow(long id, String name, boolean underDuty) {
    }

    public Mono<ContributionReport> report(Tenant tenant, Period period) {
        return profiles.profile(tenant).flatMap(profile -> {
            String code = profile.values().get(ProfileValue.QUOTA);
            Quota quota = Quota.of(code, ProfileValue.QUOTA.optionLabel(code));
            return db.mono(tenant, c -> items(c, period).collectList()
                    .flatMap(items -> names(c, "SELECT id, name_vi FROM sections ORDER BY position, id")
                            .flatMap(sections -> names(c, """
                                    SELECT id, name FROM item_topics t WHERE retired_at IS NULL
                                    OR EXISTS (SELECT 1 FROM content_items i WHERE i.topic_id = t.id) ORDER BY position, id""")
                                    .flatMap(topics -> units(c).map(units -> build(period, quota, items, sections, topics, units))))));
        });
    }

    private static reactor.core.publisher.Flux<Item> items(TenantTx c, Period period) {
        return c.query("""
                        SELECT i.id, i.title, i.state, coalesce(i.received_at, i.published_at) AS counted_at,
                               coalesce(i.origin, CASE WHEN r.item_id IS NULL AND i.unit_id IS NULL THEN 'found' ELSE 'supplied' END) AS origin,
                               i.genre, i.section_id, i.topic_id, coalesce(i.unit_id, r.submitter_unit_id), coalesce(r.submitter_unit, '') AS unit_text,
                               e.reason_code, e.comment
                        FROM content_items i
                        LEFT JOIN LATERAL (SELECT w.item_id, w.submitter_unit_id, w.submitter_unit FROM workflow_runs w
                                           WHERE w.item_id = i.id ORDER BY w.id DESC LIMIT 1) r ON true
                        LEFT JOIN LATERAL (SELECT v.reason_code, v.comment FROM content_events v
                                           WHERE v.item_id = i.id AND v.to_state = 'rejected' ORDER BY v.chain_seq DESC LIMIT 1) e
                               ON i.state = 'rejected'
                        WHERE (i.received_at IS NOT NULL OR i.state IN ('published', 'taken_down'))
                          AND coalesce(i.received_at, i.published_at) >= $1 AND coalesce(i.received_at, i.published_at) < $2
                          AND i.kind <> ALL ($3::text[])
                        ORDER BY counted_at, i.id""",
                r -> new Item(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, OffsetDateTime.class),
                        r.get(4, String.class), r.get(5, String.class), r.get(6, Long.class), r.get(7, Long.class), r.get(8, Long.class),
                        r.get(9, String.class), r.get(10, String.class), r.get(11, String.class)),
                // answers to questions and petitions pass the workflow but are not items a unit supplies
                period.start(), period.end(), vn.cong.engagement.AnswerApproval.KINDS.toArray(String[]::new));
    }

    private static Mono<Map<Long, String>> names(TenantTx c, String sql) {
        return c.query(sql, r -> Map.entry(r.get(0, Long.class), r.get(1, String.class)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    private static Mono<List<UnitRow>> units(TenantTx c) {
        return c.query("SELECT id, name, supplies_items AND NOT outside FROM org_units ORDER BY position, id",
                r -> new UnitRow(r.get(0, Long.class), r.get(1, String.class), r.get(2, Boolean.class))).collectList();
    }

    private static ContributionReport build(Period period, Quota quota, List<Item> items, Map<Long, String> sections,
                                            Map<Long, String> topics, List<UnitRow> units) {
        BigDecimal months = period.months();
        long supplied = items.stream().filter(i -> i.origin().equals("supplied")).count();
        long rejected = items.stream().filter(i -> i.state().equals("rejected")).count();
        // a tenant has many sections that receive nothing in a period: only those with items, as seed 004 lists them
        List<Count> bySection = counts(items, sections, Item::sectionId, "Chưa phân chuyên mục").stream().filter(s -> s.items() > 0).toList();
        List<Count> byTopic = counts(items, topics, Item::topicId, "Chưa phân chủ đề");

        Map<Long, List<Item>> byUnit = new LinkedHashMap<>();
        items.stream().filter(i -> i.origin().equals("supplied") && i.unitId() != null)
                .forEach(i -> byUnit.computeIfAbsent(i.unitId(), k -> new ArrayList<>()).add(i));
        List<UnitLine> lines = new ArrayList<>();
        List<Count> outside = new ArrayList<>();
        for (UnitRow u : units) {
            List<Item> own = byUnit.getOrDefault(u.id(), List.of());
            if (u.underDuty()) {
                lines.add(line(u, own, quota, months));
            } else if (!own.isEmpty()) {
                outside.add(new Count(u.name(), own.size()));
            }
        }
        long unnamed = items.stream().filter(i -> i.origin().equals("supplied") && i.unitId() == null).count();
        outside.sort(Comparator.comparingLong(Count::items).reversed());
        if (unnamed > 0) {
            outside.add(new Count("Cá nhân và đơn vị khác", unnamed));
        }
        List<UnitLine> ranked = lines.stream().sorted(Comparator.comparingLong(UnitLine::total).reversed()).toList();
        List<UnitLine> meeting = ranked.stream().filter(UnitLine::meets).toList();
        List<UnitLine> missing = quota.set()
                ? lines.stream().filter(l -> !l.meets()).sorted(Comparator.comparingLong(UnitLine::total)).toList() : List.of();
        List<RejectedItem> refused = items.stream().filter(i -> i.state().equals("rejected"))
                .map(i -> new RejectedItem(i.id(), i.title(), unitName(i, units), DAY.format(i.countedAt().atZoneSameInstant(VietnamTime.ZONE)),
                        reason(i)))
                .toList();
        return new ContributionReport(period.from().toString(), period.to().toString(), period.label(),
                months.setScale(2, RoundingMode.HALF_UP), Figures.average(months), period.partial(), quota.code(), quota.label(),
                items.size(), supplied, items.size() - supplied, rejected, bySection, byTopic, ranked, meeting, missing,
                ranked.stream().filter(UnitLine::commended).toList(), outside, outside.stream().mapToLong(Count::items).sum(), refused);
    }

    private static UnitLine line(UnitRow u, List<Item> own, Quota quota, BigDecimal months) {
        Map<Genre, Long> genres = new EnumMap<>(Genre.class);
        own.forEach(i -> Genre.parse(i.genre()).ifPresent(g -> genres.merge(g, 1L, Long::sum)));
        long total = own.size();
        BigDecimal average = months.signum() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(total).divide(months, 2, RoundingMode.HALF_UP);
        return new UnitLine(u.id(), u.name(), total, own.stream().filter(i -> i.state().equals("rejected")).count(),
                genres.getOrDefault(Genre.NEWS, 0L), genres.getOrDefault(Genre.ANALYSIS, 0L), average,
                Figures.average(BigDecimal.valueOf(total).divide(months, 12, RoundingMode.HALF_UP)),
                quota.metBy(genres, total, months), quota.commends(genres, total, months));
    }

    /** Counts per named row, every named row shown (zero too) in the list's order; items without one last. */
    private static List<Count> counts(List<Item> items, Map<Long, String> names, java.util.function.Function<Item, Long> key, String none) {
        Map<Long, Long> n = new LinkedHashMap<>();
        long without = 0;
        for (Item i : items) {
            Long k = key.apply(i);
            if (k == null || !names.containsKey(k)) {
                without++;
            } else {
                n.merge(k, 1L, Long::sum);
            }
        }
        List<Count> out = new ArrayList<>();
        names.forEach((id, name) -> out.add(new Count(name, n.getOrDefault(id, 0L))));
        if (without > 0) {
            out.add(new Count(none, without));
        }
        return out;
    }

    private static String unitName(Item i, List<UnitRow> units) {
        if (i.unitId() != null) {
            return units.stream().filter(u -> u.id() == i.unitId()).map(UnitRow::name).findFirst().orElse(i.unitText());
        }
        return i.origin().equals("found") ? "Ban biên tập" : i.unitText().isBlank() ? "Cá nhân" : i.unitText();
    }

    private static String reason(Item i) {
        String label = i.reasonCode() == null ? null : RejectionReason.labelOf(i.reasonCode());
        if (label == null) {
            return i.reasonText() == null ? "" : i.reasonText();
        }
        return i.reasonText() == null ? label : label + " (" + i.reasonText() + ")";
    }
}
