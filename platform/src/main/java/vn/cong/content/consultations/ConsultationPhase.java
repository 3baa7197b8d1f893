package vn.cong.content.consultations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/** Where a consultation's comment window stands at a moment; {@code slug} is its name in public URLs. */
public enum ConsultationPhase {
    UPCOMING("sap-mo", "Sắp lấy ý kiến", "Not yet open"),
    OPEN("dang-lay-y-kien", "Đang lấy ý kiến", "Open for comments"),
    CLOSED("da-ket-thuc", "Đã hết hạn góp ý", "Closed");

    private final String slug;
    private final String vi;
    private final String en;

    ConsultationPhase(String slug, String vi, String en) {
        this.slug = slug;
        this.vi = vi;
        this.en = en;
    }

    /** Open from {@code opensAt} (included) until {@code closesAt} (excluded). */
    public static ConsultationPhase at(Instant now, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        if (now.isBefore(opensAt.toInstant())) {
            return UPCOMING;
        }
        return now.isBefore(closesAt.toInstant()) ? OPEN : CLOSED;
    }

    /** The same rule in SQL over {@code consultations k}, at the database's {@code now()}. */
    static String sql() {
        return "CASE WHEN now() < k.opens_at THEN 'UPCOMING' WHEN now() < k.closes_at THEN 'OPEN' ELSE 'CLOSED' END";
    }

    public String slug() {
        return slug;
    }

    public String label(String lang) {
        return "en".equals(lang) ? en : vi;
    }

    public static Optional<ConsultationPhase> ofSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }
}
