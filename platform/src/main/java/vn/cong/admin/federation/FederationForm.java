package vn.cong.admin.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/**
 * The federation screen's form: on a member portal, whether it joins the ministry-wide search and the news block
 * (checkboxes); on the ministry's portal, whether its home shows the news block and how many items.
 */
@Serdeable
record FederationForm(@Nullable String inSearch, @Nullable String inNews, @Nullable String newsBlock,
                      @Nullable String newsBlockSize, @Nullable String csrfToken) implements CsrfForm {

    /** The size typed, or -1 when it is not a whole number (refused with the range message). */
    int size() {
        try {
            return newsBlockSize == null || newsBlockSize.isBlank() ? -1 : Integer.parseInt(newsBlockSize.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
