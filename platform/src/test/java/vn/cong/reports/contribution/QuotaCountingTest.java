package vn.cong.reports.contribution;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.engagement.Units;
import vn.cong.reports.contribution.ContributionReport.UnitLine;
import vn.cong.reports.imports.ImportResult;
import vn.cong.reports.imports.ItemImport;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quota over periods that are not whole months, rejected items included, and one portal's items never on another's report. */
@MicronautTest(transactional = false)
class QuotaCountingTest extends PlatformTestSupport {

    private static final String HISTORY = """
            external_id,title,unit,origin,submitted_at,state,published_at,reason
            q-1,Hội nghị tổng kết năm,Phòng Kế hoạch,supplied,2018-03-02 09:00,published,2018-03-02 15:00,
            q-2,Khai giảng lớp tập huấn,Phòng Kế hoạch,supplied,2018-03-09,published,,
            q-3,Tin đã cũ,Phòng Kế hoạch,supplied,15/03/2018 16:30,rejected,,Sự kiện đã diễn ra hơn một tháng
            q-4,Tin gửi sau kỳ,Phòng Kế hoạch,supplied,16/03/2018 00:10,published,,
            q-5,Thông báo tuyển dụng,Phòng Tổ chức,supplied,2018-03-05,published,,
            q-6,Điểm báo tuần,,found,2018-03-06,published,,
            """;

    @Inject
    ApplicationContext context;
    @Inject
    Units units;
    @Inject
    ItemImport imports;
    @Inject
    ContributionReports reports;

    TwoPortals portals;

    @BeforeAll
    void importMarch() {
        portals = TwoPortals.onboard(context);
        units.declare(portals.beta(), List.of(new Units.Declared("Phòng Kế hoạch", null, null, null, null, true, false),
                new Units.Declared("Phòng Tổ chức", null, null, null, null, true, false))).block();
        ImportResult result = imports.importItems(portals.beta(), HISTORY, "test").block();
        assertTrue(result.ok(), result.errors().toString());
    }

    private UnitLine unit(ContributionReport report, String name) {
        return report.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRejectedItemCountsTowardsTheQuotaOfAPartialMonth() {
        // 1–15 March is 15/31 of a month: the quota is 2 × 15/31 ≈ 0,97 items, three times that ≈ 2,9
        ContributionReport report = reports.report(portals.beta(), new Period(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 15))).block();
        assertTrue(report.partialMonths());
        assertEquals("0,48", report.monthsText());
        UnitLine plan = unit(report, "Phòng Kế hoạch");
        assertEquals(3, plan.total(), "the rejected item counts; the one sent ten minutes after the period does not");
        assertEquals(1, plan.rejected());
        assertEquals("6,2", plan.averageText());
        assertTrue(plan.meets());
        assertTrue(plan.commended(), "3 items ≥ 3 × 0,97");
        assertTrue(unit(report, "Phòng Tổ chức").meets(), "one item meets 0,97");
        assertEquals(List.of("Tin đã cũ"), report.rejectedItems().stream().map(ContributionReport.RejectedItem::title).toList());
        assertEquals("Sự kiện đã diễn ra hơn một tháng", report.rejectedItems().get(0).reason());
    }

    @Test
    void withoutItsRejectedItemAUnitWouldMissTheQuotaOfAMonthAndAHalf() {
        // 1 February – 15 March: 1 + 15/31 months, quota ≈ 2,97: the three items (one rejected) meet it, two would not
        ContributionReport report = reports.report(portals.beta(), new Period(LocalDate.of(2018, 2, 1), LocalDate.of(2018, 3, 15))).block();
        assertTrue(unit(report, "Phòng Kế hoạch").meets());
        assertFalse(unit(report, "Phòng Tổ chức").meets());
        assertEquals(List.of("Phòng Tổ chức"), report.missing().stream().map(UnitLine::name).toList());
        assertEquals(5, report.total());
        assertEquals(4, report.supplied());
        assertEquals(1, report.found());
    }

    @Test
    void aReportOnOnePortalNeverCountsAnothersItems() {
        ContributionReport alpha = reports.report(portals.alpha(), Period.month(2018, 3)).block();
        assertEquals(0, alpha.total());
        assertTrue(alpha.units().isEmpty());
        assertEquals(6, reports.report(portals.beta(), Period.month(2018, 3)).block().total());
    }
}
