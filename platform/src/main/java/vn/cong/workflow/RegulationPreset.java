package vn.cong.workflow;

import vn.cong.workflow.deadline.DeadlineReadings;
import vn.cong.workflow.deadline.DeadlineReadings.Days;
import vn.cong.workflow.deadline.DeadlineReadings.Hours;
import vn.cong.workflow.deadline.DeadlineReadings.NoonStamp;
import vn.cong.workflow.deadline.DeadlineReadings.SameDayEnds;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one seed agency's regulation sets, as a preset a tenant follows (manifest {@code profile:}, or the
 * operator) and then adjusts value by value ({@link RegulationProfiles}).
 */
public enum RegulationPreset {
    /** Ministry of Science and Technology [seeds 000, 004]: the editorial board model. */
    MOST("most", "Bộ Khoa học và Công nghệ (Quy chế 2024)", "most", "most",
            new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON)),
    /** Ministry of Home Affairs [seed 001]: the editor-in-chief and deputies approve; 12 working hours. */
    MOHA("moha", "Bộ Nội vụ (Quy chế 2018)", "moha", "moha",
            new DeadlineReadings(Days.WORKING, Hours.WORKING, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON)),
    /** Bình Định Department of Science and Technology [seed 002]: the head of the board or a delegate approves every item. */
    BINH_DINH("binhdinh", "Sở KH&CN Bình Định (Quy chế 2018)", "binhdinh", "binh-dinh",
            new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON)),
    /** Hải Phòng Department of Education and Training [seed 003]: four levels; days on the working calendar. */
    HAI_PHONG("haiphong", "Sở GD&ĐT Hải Phòng (Quy chế 2022)", "haiphong", "hai-phong",
            new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON));

    private final String code;
    private final String label;
    private final String approvalPolicy;
    private final String deadlines;
    private final DeadlineReadings readings;

    RegulationPreset(String code, String label, String approvalPolicy, String deadlines, DeadlineReadings readings) {
        this.code = code;
        this.label = label;
        this.approvalPolicy = approvalPolicy;
        this.deadlines = deadlines;
        this.readings = readings;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<RegulationPreset> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** The preset's value of every profile value, as stored codes. */
    public Map<ProfileValue, String> presetValues() {
        Map<ProfileValue, String> v = new EnumMap<>(ProfileValue.class);
        v.put(ProfileValue.APPROVAL, approvalPolicy);
        v.put(ProfileValue.DEADLINES, deadlines);
        v.put(ProfileValue.DAYS, ProfileValue.code(readings.days()));
        v.put(ProfileValue.HOURS, ProfileValue.code(readings.hours()));
        v.put(ProfileValue.SAME_DAY_ENDS, ProfileValue.code(readings.sameDayEnds()));
        v.put(ProfileValue.NOON_STAMP, ProfileValue.code(readings.noonStamp()));
        // the platform keeps MOHA's floor for every preset: the other seeds set no period and allow none shorter [MISSION §7]
        v.put(ProfileValue.RETENTION_YEARS, "5");
        v.put(ProfileValue.BACKUP_FREQUENCY, this == HAI_PHONG ? "daily" : "twice-weekly");
        v.put(ProfileValue.REJECTION_REASONS, switch (this) {
            case MOST -> "most";
            case MOHA -> "moha";
            case HAI_PHONG -> "haiphong";
            case BINH_DINH -> "all"; // seed 002 lists no cases
        });
        v.put(ProfileValue.CITATION, switch (this) {
            case MOHA -> "moha";
            case BINH_DINH -> "consent";
            default -> "portal";
        });
        v.put(ProfileValue.DOCUMENT_CONFIRMATIONS, this == MOST || this == MOHA ? "required" : "none");
        v.put(ProfileValue.QUOTA, switch (this) {
            case MOST -> "most";
            case HAI_PHONG -> "haiphong";
            case MOHA, BINH_DINH -> "none";
        });
        v.put(ProfileValue.REPORTS, switch (this) {
            case MOST -> "half-year";
            case HAI_PHONG -> "monthly";
            case MOHA, BINH_DINH -> "yearly";
        });
        return v;
    }
}
