package vn.cong.admin.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** The head's decision on a submitted theme version: approve or return, with a note. */
@Serdeable
record DecisionForm(@Nullable String note, @Nullable String csrfToken) implements CsrfForm {

    String noteText() {
        return note == null ? "" : note.strip();
    }
}
