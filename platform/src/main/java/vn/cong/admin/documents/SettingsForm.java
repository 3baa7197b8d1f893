package vn.cong.admin.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** The tenant's rules on documents: required attachments, how long expired documents stay online. */
@Serdeable
record SettingsForm(@Nullable String requirePdfAndDoc, @Nullable String expiredKeptMonths, @Nullable String csrfToken) implements CsrfForm {

    /** -1 when the months typed are not a whole number: refused with the range message. */
    int months() {
        try {
            return expiredKeptMonths == null || expiredKeptMonths.isBlank() ? 12 : Integer.parseInt(expiredKeptMonths.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
