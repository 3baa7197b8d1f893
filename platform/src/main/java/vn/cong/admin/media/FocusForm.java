package vn.cong.admin.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.library.PictureFraming;
import vn.cong.web.CsrfForm;

/** A picture's focal point as typed: % from the left and from the top (50 and 50 when none is set). */
@Serdeable
record FocusForm(@Nullable String focalX, @Nullable String focalY, @Nullable String csrfToken) implements CsrfForm {

    static FocusForm of(@Nullable PictureFraming.Focus focus) {
        return focus == null ? new FocusForm("50", "50", null) : new FocusForm(String.valueOf(focus.x()), String.valueOf(focus.y()), null);
    }
}
