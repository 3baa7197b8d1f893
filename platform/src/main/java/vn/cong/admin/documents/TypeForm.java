package vn.cong.admin.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.web.CsrfForm;

/** A type of document to add to the tenant's list (or rename, when the code exists). */
@Serdeable
record TypeForm(@Nullable String typeCode, @Nullable String typeNameVi, @Nullable String typeNameEn, @Nullable String csrfToken)
        implements CsrfForm {
}
