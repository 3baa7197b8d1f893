package vn.cong.content.legal;

/**
 * The footer's legal block of a portal: address, phone, e-mail, the licence it runs under (giấy phép) and the
 * person responsible for its content (người chịu trách nhiệm chính), in Vietnamese and English. Empty text
 * means "not given"; an English value left empty shows the Vietnamese one.
 */
public record LegalNotice(String addressVi, String addressEn, String phone, String email, String licenceVi, String licenceEn,
                          String responsibleVi, String responsibleEn) {

    public static final LegalNotice EMPTY = new LegalNotice("", "", "", "", "", "", "", "");

    public LegalNotice {
        addressVi = clean(addressVi);
        addressEn = clean(addressEn);
        phone = clean(phone);
        email = clean(email);
        licenceVi = clean(licenceVi);
        licenceEn = clean(licenceEn);
        responsibleVi = clean(responsibleVi);
        responsibleEn = clean(responsibleEn);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** The lines a page in {@code lang} shows. */
    public Lines in(String lang) {
        boolean en = "en".equals(lang);
        return new Lines(en && !addressEn.isEmpty() ? addressEn : addressVi, phone, email,
                en && !licenceEn.isEmpty() ? licenceEn : licenceVi,
                en && !responsibleEn.isEmpty() ? responsibleEn : responsibleVi);
    }

    /** What one language shows; {@code telephone} is the phone number for a {@code tel:} link. */
    public record Lines(String address, String phone, String email, String licence, String responsible) {

        public boolean isEmpty() {
            return address.isEmpty() && phone.isEmpty() && email.isEmpty() && licence.isEmpty() && responsible.isEmpty();
        }

        public String telephone() {
            return phone.replaceAll("[^0-9+]", "");
        }
    }

    private static String clean(String s) {
        return s == null ? "" : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC).strip();
    }
}
