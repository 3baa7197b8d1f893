package vn.cong.admin.about;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.kinds.KindForms;
import vn.cong.content.about.AboutEntries;
import vn.cong.web.CsrfForm;

/** The forms of the about pages' staff screen, as posted; what was typed is shown back on an error. */
final class AboutForms {

    private AboutForms() {
    }

    @Serdeable
    record TextPageForm(@Nullable String title, @Nullable String body, @Nullable String version, @Nullable String csrfToken)
            implements CsrfForm {
    }

    @Serdeable
    record LeaderForm(@Nullable String id, @Nullable String fullName, @Nullable String jobTitle, @Nullable String bio,
                      @Nullable String photoUrl, @Nullable String photoAlt, @Nullable String position, @Nullable String csrfToken)
            implements CsrfForm {

        static LeaderForm empty() {
            return new LeaderForm("", "", "", "", "", "", "", null);
        }

        static LeaderForm of(AboutEntries.Leader l) {
            return new LeaderForm(String.valueOf(l.id()), l.fullName(), l.jobTitle(), l.bio(), KindForms.orEmpty(l.photoUrl()),
                    KindForms.orEmpty(l.photoAlt()), String.valueOf(l.position()), null);
        }

        AboutEntries.Leader entry() {
            return new AboutEntries.Leader(parseId(id), KindForms.orEmpty(fullName), KindForms.orEmpty(jobTitle), KindForms.orEmpty(bio),
                    photoUrl, photoAlt, parsePosition(position));
        }
    }

    @Serdeable
    record UnitForm(@Nullable String id, @Nullable String parentId, @Nullable String name, @Nullable String duties,
                    @Nullable String position, @Nullable String csrfToken) implements CsrfForm {

        static UnitForm empty() {
            return new UnitForm("", "", "", "", "", null);
        }

        static UnitForm of(AboutEntries.Unit u) {
            return new UnitForm(String.valueOf(u.id()), u.parentId() == null ? "" : u.parentId().toString(), u.name(), u.duties(),
                    String.valueOf(u.position()), null);
        }

        AboutEntries.Unit entry() {
            return new AboutEntries.Unit(parseId(id), parseId(parentId), KindForms.orEmpty(name), KindForms.orEmpty(duties), parsePosition(position));
        }
    }

    @Serdeable
    record PhoneForm(@Nullable String id, @Nullable String fullName, @Nullable String jobTitle, @Nullable String unit,
                     @Nullable String phone, @Nullable String email, @Nullable String position, @Nullable String csrfToken)
            implements CsrfForm {

        static PhoneForm empty() {
            return new PhoneForm("", "", "", "", "", "", "", null);
        }

        static PhoneForm of(AboutEntries.Phone p) {
            return new PhoneForm(String.valueOf(p.id()), p.fullName(), p.jobTitle(), p.unit(), p.phone(), p.email(),
                    String.valueOf(p.position()), null);
        }

        AboutEntries.Phone entry() {
            return new AboutEntries.Phone(parseId(id), KindForms.orEmpty(fullName), KindForms.orEmpty(jobTitle), KindForms.orEmpty(unit),
                    KindForms.orEmpty(phone), KindForms.orEmpty(email), parsePosition(position));
        }
    }

    @Nullable
    private static Long parseId(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The place in its list; blank or unreadable puts the entry at the end of its peers (0 sorts by id). */
    private static int parsePosition(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
