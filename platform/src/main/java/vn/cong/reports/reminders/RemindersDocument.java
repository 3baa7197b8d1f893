package vn.cong.reports.reminders;

import vn.cong.reports.export.Cell;
import vn.cong.reports.export.ReportDocument;
import vn.cong.reports.export.ReportSection;
import vn.cong.reports.export.ReportTable;
import vn.cong.tenancy.Tenant;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** A year's reminders and emulation consequences as a report document (page and exports). */
public final class RemindersDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private RemindersDocument() {
    }

    public static ReportDocument of(Tenant tenant, int year, List<UnitReminders.YearCount> counts, List<UnitReminders.Reminder> reminders) {
        ReportTable byUnit = new ReportTable(List.of("Đơn vị", "Thủ trưởng", "Số lần nhắc nhở", "Hệ quả thi đua"),
                counts.stream().map(c -> List.of(Cell.text(c.unitName()), Cell.text(c.headName()), Cell.count(c.reminders()),
                        Cell.text(c.consequence().label()))).toList());
        ReportTable list = new ReportTable(List.of("Ngày", "Đơn vị", "Lý do", "Người ghi"),
                reminders.stream().map(r -> List.of(Cell.text(DAY.format(r.remindedOn())), Cell.text(r.unitName()), Cell.text(r.reason()),
                        Cell.text(r.recordedBy()))).toList());
        return new ReportDocument("Nhắc nhở đơn vị và xếp loại thi đua năm " + year, List.of(tenant.name("vi")),
                List.of(ReportSection.of("Số lần nhắc nhở theo đơn vị", byUnit),
                        reminders.isEmpty() ? ReportSection.of("Các lần nhắc nhở", null, "Chưa có lần nhắc nhở nào trong năm.")
                                : ReportSection.of("Các lần nhắc nhở", list)),
                List.of("Theo Điều 18 Quy chế 003: bị nhắc nhở 3 lần/năm thì giảm một bậc thi đua của đơn vị; 5 lần/năm thì giảm hai bậc;"
                        + " trên 5 lần/năm thì Thủ trưởng đơn vị bị xếp loại «không hoàn thành nhiệm vụ» cuối năm. Đọc là ngưỡng: 4 lần giảm một bậc."));
    }
}
