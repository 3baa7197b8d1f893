package vn.cong.admin.sections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.sections.Sections;
import vn.cong.web.CsrfForm;

/** The add and edit forms of a section; {@code parentId} is text because "at the top" is sent as an empty value. */
@Serdeable
record SectionForm(@Nullable String slug, @Nullable String nameVi, @Nullable String nameEn, @Nullable String description,
                   @Nullable String parentId, @Nullable String csrfToken) implements CsrfForm {

    static SectionForm blank() {
        return new SectionForm("", "", "", "", "", null);
    }

    static SectionForm of(Sections.Section s) {
        return new SectionForm(s.slug(), s.nameVi(), s.nameEn(), s.description(), s.parentId() == null ? "" : s.parentId().toString(), null);
    }

    /** The fields for the service; a parent that is not a number is "none", refused there if it was meant as one. */
    Sections.Fields fields() {
        Long parent = null;
        if (parentId != null && !parentId.isBlank()) {
            try {
                parent = Long.valueOf(parentId.strip());
            } catch (NumberFormatException e) {
                parent = -1L;
            }
        }
        return new Sections.Fields(slug, nameVi, nameEn, description, parent);
    }
}
