package vn.cong.admin.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** A library file's text alternative and caption, as typed. */
@Serdeable
record DescriptionForm(@Nullable String altText, @Nullable String caption, @Nullable String csrfToken) implements CsrfForm {

    DescriptionForm(String altText, String caption) {
        this(altText, caption, null);
    }
}
