package vn.cong.ops.integrity;

import vn.cong.system.StoredCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Something changed outside the workflow, in one tenant: an item (with what changed) or the event
 * log (with the first event that no longer fits the chain).
 */
@Serdeable
public record IntegrityFinding(String tenantCode, Kind kind, @Nullable Long itemId, @Nullable Long eventId,
                               @Nullable Long eventSeq, String summary, List<FieldChange> changes) {

    public IntegrityFinding {
        changes = List.copyOf(changes);
    }

    static IntegrityFinding item(String tenant, Kind kind, long itemId, String summary, List<FieldChange> changes) {
        return new IntegrityFinding(tenant, kind, itemId, null, null, summary, changes);
    }

    static IntegrityFinding event(String tenant, Kind kind, @Nullable Long eventId, @Nullable Long seq, String summary) {
        return new IntegrityFinding(tenant, kind, null, eventId, seq, summary, List.of());
    }

    public enum Kind implements StoredCode {
        /** a published item's public fields differ from its fingerprint */
        CONTENT_CHANGED,
        /** a published item has no fingerprint: it was made public without the workflow */
        CONTENT_UNFINGERPRINTED,
        /** the item's stored fingerprint is not the one the workflow logged when publishing it */
        FINGERPRINT_REPLACED,
        /** published or withdrawn without the workflow: the item's state and its log disagree */
        STATE_CHANGED,
        /** a published item was deleted */
        ITEM_REMOVED,
        /** an event's fields no longer match its hash, or its hash was rewritten */
        EVENT_ALTERED,
        /** an event of the chain is gone */
        EVENT_MISSING,
        /** the chain's head record does not match the last event */
        CHAIN_HEAD_MISMATCH,
        /** the event recorded at the last clean check is no longer in the chain as it was */
        CHAIN_REWRITTEN,
        /** the tenant could not be checked at all */
        CHECK_FAILED;

        public static Kind of(String db) {
            return StoredCode.of(Kind.class, db);
        }
    }
}
