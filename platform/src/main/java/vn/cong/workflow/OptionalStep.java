package vn.cong.workflow;

/** The optional steps an item may need before it is approved and published. */
public enum OptionalStep {
    /** Xin ý kiến Lãnh đạo Bộ [000 Đ10.2e]. */
    LEADERSHIP_OPINION("opinion", "ý kiến lãnh đạo"),
    /** Thẩm định chuyên môn [000 Đ11.8]. */
    EXPERT_REVIEW("review", "thẩm định chuyên môn");

    private final String column;
    private final String label;

    OptionalStep(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The column prefix in {@code workflow_runs} (a constant of ours, never input). */
    String column() {
        return column;
    }

    public String label() {
        return label;
    }

    WorkflowRun.Step of(WorkflowRun run) {
        return this == LEADERSHIP_OPINION ? run.opinion() : run.review();
    }
}
