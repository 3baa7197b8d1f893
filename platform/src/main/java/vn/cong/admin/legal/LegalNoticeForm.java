package vn.cong.admin.legal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.content.legal.LegalNotice;
import vn.cong.web.CsrfForm;

/** The footer legal block's form, field for field. */
@Serdeable
record LegalNoticeForm(@Nullable String addressVi, @Nullable String addressEn, @Nullable String phone, @Nullable String email,
                       @Nullable String licenceVi, @Nullable String licenceEn, @Nullable String responsibleVi,
                       @Nullable String responsibleEn, @Nullable String csrfToken) implements CsrfForm {

    static LegalNoticeForm of(LegalNotice n) {
        return new LegalNoticeForm(n.addressVi(), n.addressEn(), n.phone(), n.email(), n.licenceVi(), n.licenceEn(),
                n.responsibleVi(), n.responsibleEn(), null);
    }

    LegalNotice notice() {
        return new LegalNotice(addressVi, addressEn, phone, email, licenceVi, licenceEn, responsibleVi, responsibleEn);
    }
}
