package vn.cong.admin.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.admin.CsrfForm;

/** The tenant's rule on documents' attachments. */
@Serdeable
record SettingsForm(@Nullable String requirePdfAndDoc, @Nullable String csrfToken) implements CsrfForm {
}
