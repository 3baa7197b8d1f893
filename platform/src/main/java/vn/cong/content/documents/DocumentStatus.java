package vn.cong.content.documents;

import vn.cong.system.StoredCode;
import java.util.Arrays;
import java.util.Optional;

/** Whether a document is in force (tình trạng hiệu lực); {@code slug} is its name in public URLs. */
public enum DocumentStatus implements StoredCode {
    VALID("valid", "con-hieu-luc", "Còn hiệu lực", "In force"),
    EXPIRED("expired", "het-hieu-luc", "Hết hiệu lực", "Expired"),
    REPLACED("replaced", "bi-thay-the", "Bị thay thế", "Replaced");

    /**
     * The status as of today in Vietnam, from a row of {@code legal_documents d}: a replaced document
     * is replaced, one past its expiry date has expired even if nobody changed its status yet.
     */
    public static final String EFFECTIVE_SQL = "CASE WHEN d.status = 'replaced' THEN 'replaced'"
            + " WHEN d.status = 'expired' OR d.expires_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'expired'"
            + " ELSE 'valid' END";

    private final String db;
    private final String slug;
    private final String vi;
    private final String en;

    DocumentStatus(String db, String slug, String vi, String en) {
        this.db = db;
        this.slug = slug;
        this.vi = vi;
        this.en = en;
    }

    public String db() {
        return db;
    }

    public String slug() {
        return slug;
    }

    public String label(String lang) {
        return "en".equals(lang) ? en : vi;
    }

    public static Optional<DocumentStatus> ofDb(String db) {
        return StoredCode.parse(DocumentStatus.class, db);
    }

    public static Optional<DocumentStatus> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
