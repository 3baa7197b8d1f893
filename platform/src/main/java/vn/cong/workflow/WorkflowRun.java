package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;

import java.time.OffsetDateTime;

/** One submission's way through the policy (Wagtail's WorkflowState), with the submitter's particulars. */
public record WorkflowRun(long id, long itemId, String policyCode, String status, Sensitivity sensitivity, int requiredLevels,
                          @Nullable Integer currentLevel, @Nullable Long submittedBy, OffsetDateTime submittedAt,
                          Submitter submitter, @Nullable OffsetDateTime eventAt, boolean eventHighlighted,
                          Step opinion, Step review, @Nullable OffsetDateTime dueAt,
                          @Nullable InformationType infoType, @Nullable OffsetDateTime eventOpensAt) {

    /** Who sent the item, as the seeds require with every submission [001 Đ9.3; 003 Đ12.3c]. */
    public record Submitter(String unit, String name, String title, String email, String phone) {
    }

    /** An optional per-item step: leadership's opinion [000 Đ10.2e] or expert review [000 Đ11.8]. */
    public record Step(boolean needed, @Nullable String text, @Nullable Long by, @Nullable OffsetDateTime at) {

        /** Asked for and not recorded yet: the item may not be approved or published. */
        public boolean pending() {
            return needed && text == null;
        }
    }

    static final String COLUMNS = """
            r.id AS run_id, r.item_id, r.policy_code, r.status AS run_status, r.sensitivity, r.required_levels, r.current_level,
            r.submitted_by, r.submitted_at, r.submitter_unit, r.submitter_name, r.submitter_title, r.submitter_email,
            r.submitter_phone, r.event_at, r.event_highlighted, r.opinion_needed, r.opinion_text, r.opinion_by, r.opinion_at,
            r.review_needed, r.review_text, r.review_by, r.review_at, r.due_at, r.info_type, r.event_opens_at""";

    /** The run's columns of a row, or null when the row has none (a left join found no run). */
    static @Nullable WorkflowRun of(Readable r) {
        Long id = r.get("run_id", Long.class);
        if (id == null) {
            return null;
        }
        return new WorkflowRun(id, r.get("item_id", Long.class), r.get("policy_code", String.class), r.get("run_status", String.class),
                Sensitivity.parse(r.get("sensitivity", String.class)).orElse(Sensitivity.ROUTINE), r.get("required_levels", Integer.class),
                r.get("current_level", Integer.class), r.get("submitted_by", Long.class), r.get("submitted_at", OffsetDateTime.class),
                new Submitter(r.get("submitter_unit", String.class), r.get("submitter_name", String.class),
                        r.get("submitter_title", String.class), r.get("submitter_email", String.class), r.get("submitter_phone", String.class)),
                r.get("event_at", OffsetDateTime.class), Boolean.TRUE.equals(r.get("event_highlighted", Boolean.class)),
                new Step(Boolean.TRUE.equals(r.get("opinion_needed", Boolean.class)), r.get("opinion_text", String.class),
                        r.get("opinion_by", Long.class), r.get("opinion_at", OffsetDateTime.class)),
                new Step(Boolean.TRUE.equals(r.get("review_needed", Boolean.class)), r.get("review_text", String.class),
                        r.get("review_by", Long.class), r.get("review_at", OffsetDateTime.class)),
                r.get("due_at", OffsetDateTime.class), InformationType.of(r.get("info_type", String.class)).orElse(null),
                r.get("event_opens_at", OffsetDateTime.class));
    }

    /** When this run's deadlines count from. */
    public ItemDeadlines.Timing timing() {
        return new ItemDeadlines.Timing(infoType, submittedAt, eventAt, eventOpensAt, eventHighlighted);
    }

    public boolean stepsPending() {
        return opinion.pending() || review.pending();
    }
}
