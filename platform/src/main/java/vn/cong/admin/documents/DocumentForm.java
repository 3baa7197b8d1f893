package vn.cong.admin.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.admin.kinds.KindForms;
import vn.cong.content.Draft;
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.web.CsrfForm;

import java.time.LocalDate;
import java.util.Map;

/** The document form as posted; what the editor typed is always shown back. */
@Serdeable
record DocumentForm(
        @Nullable String title, @Nullable String slug, @Nullable String language, @Nullable String summary, @Nullable String body,
        @Nullable String number, @Nullable String typeCode, @Nullable String issuer, @Nullable String signer,
        @Nullable String issuedOn, @Nullable String effectiveOn, @Nullable String expiresOn, @Nullable String status,
        @Nullable String replacedBy, @Nullable String version, @Nullable String csrfToken) implements CsrfForm {

    static DocumentForm empty() {
        return new DocumentForm("", "", "vi", "", "", "", "", "", "", "", "", "", "valid", "", "0", null);
    }

    static DocumentForm of(LegalDocuments.Editable e) {
        DocumentFields f = e.fields();
        return new DocumentForm(e.title(), e.slug(), e.language(), e.summary(), e.bodyHtml(), f.number(), f.typeCode(), f.issuer(),
                f.signer(), text(f.issuedOn()), text(f.effectiveOn()), text(f.expiresOn()), f.status().db(),
                f.replacedBy() == null ? "" : f.replacedBy().toString(), String.valueOf(e.version()), null);
    }

    DocumentForm withVersion(int newVersion) {
        return new DocumentForm(title, slug, language, summary, body, number, typeCode, issuer, signer, issuedOn, effectiveOn,
                expiresOn, status, replacedBy, String.valueOf(newVersion), null);
    }

    Draft draft(@Nullable Long id, long actorId) {
        return new Draft(id, KindForms.version(version), LegalDocuments.KIND, null, language == null ? "vi" : language,
                KindForms.slug(slug, title), KindForms.orEmpty(title), KindForms.orEmpty(summary), KindForms.orEmpty(body),
                null, null, null, false, actorId);
    }

    /** The document's own fields; what cannot be read goes to {@code unreadable}. */
    DocumentFields fields(Map<String, String> unreadable) {
        DocumentStatus s = DocumentStatus.ofDb(status == null ? "" : status).orElse(null);
        if (s == null) {
            unreadable.put("status", "Vui lòng chọn tình trạng hiệu lực.");
        }
        return new DocumentFields(KindForms.orEmpty(number), KindForms.orEmpty(typeCode), KindForms.orEmpty(issuer),
                KindForms.orEmpty(signer), KindForms.date(issuedOn, "issuedOn", unreadable),
                KindForms.date(effectiveOn, "effectiveOn", unreadable), KindForms.date(expiresOn, "expiresOn", unreadable),
                s == null ? DocumentStatus.VALID : s,
                KindForms.id(replacedBy, "replacedBy", "Văn bản thay thế không hợp lệ.", unreadable));
    }

    private static String text(@Nullable LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
