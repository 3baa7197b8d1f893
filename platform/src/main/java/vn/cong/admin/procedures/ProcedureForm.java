package vn.cong.admin.procedures;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.admin.kinds.KindForms;
import vn.cong.content.Draft;
import vn.cong.content.procedures.ProcedureFields;
import vn.cong.content.procedures.Procedures;
import vn.cong.web.CsrfForm;

import java.util.Map;

/** The procedure form as posted; what the editor typed is always shown back. */
@Serdeable
record ProcedureForm(
        @Nullable String title, @Nullable String slug, @Nullable String language, @Nullable String summary, @Nullable String body,
        @Nullable String serviceLevel, @Nullable String onlineUrl, @Nullable String field, @Nullable String unit,
        @Nullable String processingTime, @Nullable String fees, @Nullable String requiredDocuments,
        @Nullable String version, @Nullable String csrfToken) implements CsrfForm {

    static ProcedureForm empty() {
        return new ProcedureForm("", "", "vi", "", "", "", "", "", "", "", "", "", "0", null);
    }

    static ProcedureForm of(Procedures.Procedure p) {
        ProcedureFields f = p.fields();
        return new ProcedureForm(p.title(), p.slug(), p.language(), p.summary(), p.bodyHtml(), String.valueOf(f.serviceLevel()),
                f.onlineUrl(), f.field(), f.unit(), f.processingTime(), f.fees(), f.requiredDocuments(), String.valueOf(p.version()), null);
    }

    ProcedureForm withVersion(int newVersion) {
        return new ProcedureForm(title, slug, language, summary, body, serviceLevel, onlineUrl, field, unit, processingTime, fees,
                requiredDocuments, String.valueOf(newVersion), null);
    }

    Draft draft(@Nullable Long id, long actorId) {
        return new Draft(id, KindForms.version(version), Procedures.KIND, null, language == null ? "vi" : language,
                KindForms.slug(slug, title), KindForms.orEmpty(title), KindForms.orEmpty(summary), KindForms.orEmpty(body),
                null, null, null, false, actorId);
    }

    ProcedureFields fields(Map<String, String> unreadable) {
        Integer level = null;
        if (serviceLevel != null && serviceLevel.strip().matches("[234]")) {
            level = Integer.valueOf(serviceLevel.strip());
        }
        return new ProcedureFields(level, KindForms.orEmpty(onlineUrl), KindForms.orEmpty(field), KindForms.orEmpty(unit),
                KindForms.orEmpty(processingTime), KindForms.orEmpty(fees), KindForms.orEmpty(requiredDocuments));
    }
}
