package vn.cong.admin.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** A new preview link: for how many days, and for whom (a note). */
@Serdeable
record PreviewLinkForm(@Nullable String days, @Nullable String note, @Nullable String csrfToken) implements CsrfForm {

    static PreviewLinkForm blank() {
        return new PreviewLinkForm("3", "", null);
    }

    /** The number of days typed, or null when it is not a number. */
    @Nullable
    Integer dayCount() {
        try {
            return days == null ? null : Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
