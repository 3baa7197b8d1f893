package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import vn.cong.workflow.deadline.WorkingCalendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines of a question [003 Đ13.2]: forwarded to the responsible unit within 1 day of receipt; answered
 * within 3 days by one unit or 7 days when two or more units answer, counted from the actual forwarding; the
 * answer published and e-mailed within 1 day of its arrival. "Days" are read as the tenant's {@link DayReading}
 * says (working days by default, on the working calendar of {@code vn.cong.workflow.deadline}). Each step is
 * judged against its own deadline, so a late forward shows as its own overdue step and does not move the
 * answer's deadline, which runs from when the question was really forwarded.
 */
public final class QaDeadlines {

    public static final int FORWARD_DAYS = 1;
    public static final int ANSWER_DAYS_ONE_UNIT = 3;
    public static final int ANSWER_DAYS_SEVERAL_UNITS = 7;
    public static final int PUBLISH_DAYS = 1;

    private final WorkingCalendar calendar;
    private final DayReading reading;

    public QaDeadlines(WorkingCalendar calendar, DayReading reading) {
        this.calendar = calendar;
        this.reading = reading;
    }

    /** One step of a question: when it was due, when it was done (null while open), and whether it is or was late. */
    public record Step(String code, String label, ZonedDateTime due, @Nullable ZonedDateTime done) {

        public boolean overdueAt(Instant now) {
            return done == null ? now.isAfter(due.toInstant()) : done.isAfter(due);
        }
    }

    /** {@code days} days after {@code start}, as the tenant reads days. */
    public ZonedDateTime after(Instant start, int days) {
        ZonedDateTime from = start.atZone(calendar.zone());
        return reading == DayReading.WORKING ? calendar.addWorkingDays(from, days) : from.plusDays(days);
    }

    /**
     * The steps a question has reached: forwarding (once received), answering (once forwarded, with the number of
     * units), publishing (once the answer is in).
     */
    public List<Step> steps(@Nullable Instant receivedAt, @Nullable Instant forwardedAt, int units, @Nullable Instant answeredAt,
                            @Nullable Instant publishedAt) {
        List<Step> steps = new ArrayList<>();
        if (receivedAt == null) {
            return steps;
        }
        steps.add(new Step("forward", "Chuyển đơn vị trả lời", after(receivedAt, FORWARD_DAYS), zoned(forwardedAt)));
        if (forwardedAt != null) {
            int days = units >= 2 ? ANSWER_DAYS_SEVERAL_UNITS : ANSWER_DAYS_ONE_UNIT;
            steps.add(new Step("answer", units >= 2 ? "Đơn vị trả lời (từ hai đơn vị trở lên)" : "Đơn vị trả lời",
                    after(forwardedAt, days), zoned(answeredAt)));
        }
        if (answeredAt != null) {
            steps.add(new Step("publish", "Đăng câu trả lời và gửi thư cho người hỏi", after(answeredAt, PUBLISH_DAYS), zoned(publishedAt)));
        }
        return steps;
    }

    private ZonedDateTime zoned(@Nullable Instant t) {
        return t == null ? null : t.atZone(calendar.zone());
    }
}
