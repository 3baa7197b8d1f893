package vn.cong.content.autosave;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What an editor had typed in an item's form when the browser last sent it (bản tự lưu): the fields by name, the
 * version of the item the form was opened on, and when it was kept. {@code changedSince} is true when the item
 * has been saved again since that version, so restoring it and saving meets the optimistic lock.
 */
public record Autosave(long itemId, int baseVersion, OffsetDateTime savedAt, Map<String, String> fields, boolean changedSince) {
}
