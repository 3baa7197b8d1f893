package vn.cong.admin.workflow;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Any workflow step as posted from the item page: the version seen, and what the person typed. */
@Serdeable
record ActionForm(@Nullable String version, @Nullable String comment, @Nullable String reason, @Nullable String text,
                  @Nullable String publishAt, @Nullable String csrfToken) implements CsrfForm {

    static ActionForm empty() {
        return new ActionForm(null, "", "", "", "", null);
    }

    int versionNumber() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A {@code datetime-local} value read as Vietnam time; null when empty. */
    static @Nullable OffsetDateTime localTime(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(value.strip()).atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    static boolean validLocalTime(@Nullable String value) {
        try {
            localTime(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
