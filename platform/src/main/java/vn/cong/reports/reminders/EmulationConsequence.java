package vn.cong.reports.reminders;

/**
 * What a unit's reminders in one year cost it (seed 003 Đ18): reminded 3 times → its emulation grade goes
 * one step down, 5 times → two steps, more than 5 → its head is rated "did not complete duties" at the
 * year's end. Read as thresholds: 3 or 4 reminders cost one step, exactly 5 two.
 */
public enum EmulationConsequence {
    NONE("Không bị trừ bậc thi đua"),
    ONE_GRADE_DOWN("Giảm một bậc thi đua của đơn vị"),
    TWO_GRADES_DOWN("Giảm hai bậc thi đua của đơn vị"),
    HEAD_DID_NOT_COMPLETE_DUTIES("Thủ trưởng đơn vị bị xếp loại «không hoàn thành nhiệm vụ»");

    private final String label;

    EmulationConsequence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EmulationConsequence of(long remindersInYear) {
        if (remindersInYear > 5) {
            return HEAD_DID_NOT_COMPLETE_DUTIES;
        }
        if (remindersInYear == 5) {
            return TWO_GRADES_DOWN;
        }
        return remindersInYear >= 3 ? ONE_GRADE_DOWN : NONE;
    }
}
