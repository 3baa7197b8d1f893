package vn.cong.admin.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.admin.kinds.KindForms;
import vn.cong.content.Draft;
import vn.cong.content.consultations.ConsultationFields;
import vn.cong.content.consultations.Consultations;
import vn.cong.web.CsrfForm;

import java.util.Map;

/** The consultation form as posted; times are Vietnam time as {@code datetime-local} inputs send them. */
@Serdeable
record ConsultationForm(
        @Nullable String title, @Nullable String slug, @Nullable String language, @Nullable String summary, @Nullable String body,
        @Nullable String opensAt, @Nullable String closesAt, @Nullable String commentEmail, @Nullable String commentAddress,
        @Nullable String version, @Nullable String csrfToken) implements CsrfForm {

    static ConsultationForm empty() {
        return new ConsultationForm("", "", "vi", "", "", "", "", "", "", "0", null);
    }

    static ConsultationForm of(Consultations.Consultation c) {
        return new ConsultationForm(c.title(), c.slug(), c.language(), c.summary(), c.bodyHtml(),
                KindForms.vietnamInput(c.fields().opensAt()), KindForms.vietnamInput(c.fields().closesAt()),
                c.fields().commentEmail(), c.fields().commentAddress(), String.valueOf(c.version()), null);
    }

    ConsultationForm withVersion(int newVersion) {
        return new ConsultationForm(title, slug, language, summary, body, opensAt, closesAt, commentEmail, commentAddress,
                String.valueOf(newVersion), null);
    }

    Draft draft(@Nullable Long id, long actorId) {
        return new Draft(id, KindForms.version(version), Consultations.KIND, null, language == null ? "vi" : language,
                KindForms.slug(slug, title), KindForms.orEmpty(title), KindForms.orEmpty(summary), KindForms.orEmpty(body),
                null, null, null, false, actorId);
    }

    ConsultationFields fields(Map<String, String> unreadable) {
        return new ConsultationFields(KindForms.vietnamTime(opensAt, "opensAt", unreadable), KindForms.vietnamTime(closesAt, "closesAt", unreadable),
                KindForms.orEmpty(commentEmail), KindForms.orEmpty(commentAddress));
    }
}
