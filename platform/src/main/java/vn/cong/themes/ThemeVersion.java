package vn.cong.themes;

import vn.cong.system.StoredCode;
import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;

/**
 * One version of a tenant's look (theme_versions): what it selects, where it is in its approval,
 * and who did what when. Names are the accounts' display names at reading time.
 */
public record ThemeVersion(long id, int number, ThemeSelection selection, State state, boolean live, int lockVersion,
                           @Nullable String createdBy, OffsetDateTime createdAt,
                           @Nullable Long submittedById, @Nullable String submittedBy, @Nullable OffsetDateTime submittedAt,
                           @Nullable String decidedBy, @Nullable OffsetDateTime decidedAt, @Nullable String decisionNote,
                           @Nullable OffsetDateTime liveSince) {

    public enum State implements StoredCode {
        DRAFT("Bản nháp"),
        SUBMITTED("Chờ lãnh đạo duyệt"),
        RETURNED("Bị trả lại"),
        APPROVED("Đã duyệt");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static State of(String db) {
            return StoredCode.of(State.class, db);
        }
    }

    /** Only a draft or a returned version may still be changed. */
    public boolean editable() {
        return state == State.DRAFT || state == State.RETURNED;
    }

    /** An approved version that is not live may be made live again without a new approval. */
    public boolean canRollBackTo() {
        return state == State.APPROVED && !live;
    }
}
