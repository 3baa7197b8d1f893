package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import vn.cong.workflow.deadline.DeadlineKind;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an item is, as the seeds' deadline rules tell items apart [000 Đ10.2; 001 Đ10.2; 003 Đ13, 15]: it
 * selects the rule and says from which moment it counts. Chosen on submission; when nobody chose, the
 * item's kind decides (documents, drafts for comment, otherwise news).
 */
public enum InformationType {
    /** Tin, bài: edited and published within the editing deadline from receipt (highlighted or ordinary). */
    NEWS("news", "Tin, bài thông thường", null, "Thời điểm sự kiện (nếu có)"),
    /** Tin sự kiện: due from the end of the session; a multi-day event also from its opening. */
    EVENT("event", "Tin sự kiện (hội nghị, hội thảo, lễ)", DeadlineKind.EVENT_NEWS_SUBMISSION, "Thời điểm kết thúc sự kiện (bế mạc)"),
    /** Văn bản quy phạm pháp luật, chỉ đạo điều hành: the 12:00 rule from the stamp. */
    DOCUMENT("document", "Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành", DeadlineKind.DOCUMENT_PUBLICATION,
            "Thời điểm ghi trên dấu văn bản (ban hành hoặc đến)"),
    /** Dự thảo văn bản: from the time the leadership approved posting it, recorded with the submission. */
    DRAFT_DOCUMENT("draft-document", "Dự thảo văn bản lấy ý kiến", DeadlineKind.DRAFT_LEGAL_DOCUMENT,
            "Thời điểm lãnh đạo duyệt đăng dự thảo"),
    STRATEGY_PLAN("strategy-plan", "Chiến lược, quy hoạch, kế hoạch, dự án, đấu thầu, mua sắm công", DeadlineKind.STRATEGY_PLAN_TENDER,
            "Thời điểm được phê duyệt"),
    STATISTICS("statistics", "Thông tin thống kê", DeadlineKind.STATISTICS, "Thời điểm quyết định công bố"),
    RESEARCH_TOPIC("research-topic", "Chương trình, đề tài nghiên cứu khoa học", DeadlineKind.RESEARCH_TOPIC,
            "Thời điểm phê duyệt hoặc nghiệm thu"),
    MONTHLY_REPORT("monthly-report", "Báo cáo tháng", DeadlineKind.MONTHLY_REPORT, "Ngày cuối của tháng báo cáo"),
    PERIODIC_REPORT("periodic-report", "Báo cáo quý, 6 tháng", DeadlineKind.PERIODIC_REPORT, "Ngày cuối của kỳ báo cáo");

    private final String code;
    private final String label;
    private final @Nullable DeadlineKind rule;
    private final String startsLabel;

    InformationType(String code, String label, @Nullable DeadlineKind rule, String startsLabel) {
        this.code = code;
        this.label = label;
        this.rule = rule;
        this.startsLabel = startsLabel;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The type's own rule; news has none of its own (its deadline is the editing one). */
    public Optional<DeadlineKind> rule() {
        return Optional.ofNullable(rule);
    }

    /** What the type's start time is, as the submission form asks for it. */
    public String startsLabel() {
        return startsLabel;
    }

    public static Optional<InformationType> of(@Nullable String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
