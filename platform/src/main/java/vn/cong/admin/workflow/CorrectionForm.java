package vn.cong.admin.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.ContentCatalog.EditableItem;
import vn.cong.content.Draft;
import vn.cong.web.CsrfForm;

/** A correction as posted: the corrected text and the note readers will see. */
@Serdeable
record CorrectionForm(@Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String note,
                      @Nullable String version, @Nullable String csrfToken) implements CsrfForm {

    static CorrectionForm of(EditableItem item) {
        return new CorrectionForm(item.title(), item.summary(), item.bodyHtml(), "", String.valueOf(item.version()), null);
    }

    /** The item as it is, with the corrected title, summary and body. */
    Draft draft(EditableItem item, String kind, long actorId) {
        return new Draft(item.id(), versionNumber(), kind, item.sectionId(), item.language(), item.slug(),
                title == null ? "" : title, summary == null ? "" : summary, body == null ? "" : body, item.coverUrl(),
                item.coverAlt(), item.source(), item.featured(), actorId);
    }

    CorrectionForm withVersion(int v) {
        return new CorrectionForm(title, summary, body, note, String.valueOf(v), null);
    }

    int versionNumber() {
        try {
            return version == null ? 0 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
