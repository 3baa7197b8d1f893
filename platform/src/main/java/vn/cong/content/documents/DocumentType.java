package vn.cong.content.documents;

/** A type of document (loại văn bản) in the tenant's list. */
public record DocumentType(String code, String nameVi, String nameEn, int position) {

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameVi;
    }
}
