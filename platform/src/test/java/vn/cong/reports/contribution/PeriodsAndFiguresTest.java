package vn.cong.reports.contribution;

import org.junit.jupiter.api.Test;
import vn.cong.content.classification.Genre;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodsAndFiguresTest {

    @Test
    void averagesArePrintedAsSeed004PrintsThem() {
        assertEquals("28,5", Figures.average(new BigDecimal("28.5")));
        assertEquals("8,0", Figures.average(new BigDecimal("8")));
        assertEquals("7,83", Figures.average(new BigDecimal("7.833333")));
        assertEquals("0,17", Figures.average(new BigDecimal("0.1666667")));
        assertEquals("0", Figures.average(BigDecimal.ZERO));
        assertEquals("1.257", Figures.count(1257));
    }

    @Test
    void aPartialMonthCountsInProportionToItsDays() {
        Period march = new Period(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 15));
        assertEquals(0, new BigDecimal("0.483870967742").compareTo(march.months()));
        assertTrue(march.partial());
        Period twoAndAHalf = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 3, 15));
        assertEquals(0, new BigDecimal("2.483870967742").compareTo(twoAndAHalf.months()));
        assertFalse(Period.halfYear(2018, 1).partial());
        assertEquals(0, BigDecimal.valueOf(6).compareTo(Period.halfYear(2018, 1).months()));
        assertEquals(new Period(LocalDate.of(2018, 2, 1), LocalDate.of(2018, 2, 28)), Period.month(2018, 2));
        assertEquals(new Period(LocalDate.of(2018, 7, 1), LocalDate.of(2018, 9, 30)), Period.quarter(2018, 3));
    }

    @Test
    void periodsStartAndEndAtMidnightInVietnam() {
        Period june = Period.month(2018, 6);
        assertEquals("2018-05-31T17:00Z", june.start().toInstant().toString().replace(":00Z", "Z"));
        assertEquals("2018-06-30T17:00Z", june.end().toInstant().toString().replace(":00Z", "Z"));
    }

    @Test
    void thePickerRefusesPeriodsThatAreNotOnes() {
        assertTrue(Period.of("month", 2018, 13, null, null).isEmpty());
        assertTrue(Period.of("custom", null, null, LocalDate.of(2018, 3, 2), LocalDate.of(2018, 3, 1)).isEmpty());
        assertEquals(Period.halfYear(2018, 2), Period.of("half", 2018, 2, null, null).orElseThrow());
    }

    @Test
    void haiPhongsQuotaNeedsFiveNewsAndThreeAnalysesEachMonth() {
        Quota quota = Quota.of("haiphong", "Hải Phòng");
        BigDecimal two = BigDecimal.valueOf(2);
        assertTrue(quota.metBy(Map.of(Genre.NEWS, 10L, Genre.ANALYSIS, 6L), 16, two));
        assertFalse(quota.metBy(Map.of(Genre.NEWS, 20L, Genre.ANALYSIS, 5L), 25, two), "analyses short, however many news");
        assertTrue(quota.commends(Map.of(Genre.NEWS, 30L, Genre.ANALYSIS, 18L), 48, two));
        assertFalse(Quota.of("none", "").metBy(Map.of(), 100, two), "no quota: nobody is rated against one");
    }

    @Test
    void aQuotaByGenreShowsEachUnitsNewsAndAnalysesInTheReport() {
        ContributionReport.UnitLine school = new ContributionReport.UnitLine(1, "Phòng Giáo dục Trung học", 9, 0, 6, 3,
                new BigDecimal("9.00"), "9,0", true, false);
        ContributionReport hp = new ContributionReport("2026-11-01", "2026-11-30", "tháng 11", BigDecimal.ONE, "1", false, "haiphong",
                "Hải Phòng", 9, 9, 0, 0, java.util.List.of(), java.util.List.of(), java.util.List.of(school), java.util.List.of(school),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), 0, java.util.List.of());
        assertTrue(hp.byGenre());
        var table = ContributionDocument.of(hp, "Sở GD&ĐT Hải Phòng").sections().stream()
                .filter(s -> s.heading().startsWith("2.1.")).findFirst().orElseThrow().table();
        assertEquals(java.util.List.of("TT", "Đơn vị", "Tổng số tin/bài", "Tin hoạt động", "Bài chuyên đề, phân tích", "Trung bình tin, bài/tháng"),
                table.headers());
        assertEquals(java.util.List.of("1", "Phòng Giáo dục Trung học", "9", "6", "3", "9,0"),
                table.rows().get(0).stream().map(vn.cong.reports.export.Cell::text).toList());
        assertFalse(new ContributionReport("2026-11-01", "2026-11-30", "tháng 11", BigDecimal.ONE, "1", false, "most", "MOST", 0, 0, 0, 0,
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), 0, java.util.List.of()).byGenre(), "MOST's quota counts every item alike");
    }
}
