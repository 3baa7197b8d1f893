package vn.cong.admin.attachments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** A new caption for one attachment. */
@Serdeable
record CaptionForm(@Nullable String caption, @Nullable String csrfToken) implements CsrfForm {
}
