package vn.cong.admin.gallery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** A picture added to a gallery, or a picture's new text alternative and caption ({@code mediaId} unused then). */
@Serdeable
record GalleryImageForm(@Nullable String mediaId, @Nullable String altText, @Nullable String caption, @Nullable String csrfToken)
        implements CsrfForm {

    static GalleryImageForm empty() {
        return new GalleryImageForm("", "", "", null);
    }
}
