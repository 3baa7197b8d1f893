package vn.cong.content.consultations;

import io.micronaut.core.annotation.Nullable;
import vn.cong.system.Sql;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.Draft;
import vn.cong.content.KindDetails;
import vn.cong.content.Publishing;
import vn.cong.content.RichText;
import vn.cong.content.SavedItem;
import vn.cong.content.attachments.Attachment;
import vn.cong.content.attachments.Attachments;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drafts of legal documents put out for public comment (dự thảo lấy ý kiến) [000 Đ10.1đ; 001 Đ11.3c]:
 * items of kind {@code consultation} with their window in {@code consultations}. Collecting the
 * comments themselves comes later; the page says where to send them and whether the window is open.
 */
@Singleton
public class Consultations {

    public static final String KIND = "consultation";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String PUBLIC = "i.kind = 'consultation' AND i.state = 'published' AND i.published_at <= now()";
    private static final String COLUMNS = "i.id, i.version, i.state, i.language, i.slug, i.title, i.summary, i.body_html, i.updated_at,"
            + " k.opens_at, k.closes_at, k.comment_email, k.comment_address FROM content_items i JOIN consultations k ON k.item_id = i.id";

    private final TenantDatabase db;
    private final Publishing publishing;

    public Consultations(TenantDatabase db, Publishing publishing) {
        this.db = db;
        this.publishing = publishing;
    }

    /** A consultation as forms, lists and pages show it. */
    public record Consultation(long id, int version, String state, String language, String slug, String title, String summary,
                               String bodyHtml, OffsetDateTime updatedAt, ConsultationFields fields) {
    }

    public record Page(long total, List<Consultation> items) {
    }

    public record Detail(Consultation consultation, List<Attachment> attachments) {
    }

    public Mono<SavedItem> save(Tenant tenant, Draft draft, ConsultationFields fields, Map<String, String> unreadable) {
        return publishing.saveDraft(tenant, draft, new Details(fields, unreadable));
    }

    public Mono<Consultation> editable(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("SELECT " + COLUMNS + " WHERE i.id = $1", Consultations::row, id));
    }

    public Mono<List<Consultation>> list(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " ORDER BY k.closes_at DESC, i.id DESC LIMIT 500", Consultations::row))
                .collectList();
    }

    /** Public consultations, those whose window is open first, then by closing time; {@code phase} null for all. */
    public Mono<Page> published(Tenant tenant, String lang, @Nullable ConsultationPhase phase, int page, int pageSize) {
        String where = " WHERE " + PUBLIC + " AND i.language = $1 AND ($2 = '' OR " + ConsultationPhase.sql() + " = $2)";
        String p = phase == null ? "" : phase.name();
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM content_items i JOIN consultations k ON k.item_id = i.id" + where,
                        r -> r.get(0, Long.class), lang, p)
                .flatMap(total -> c.query("SELECT " + COLUMNS + where + " ORDER BY (" + ConsultationPhase.sql() + " = 'OPEN') DESC,"
                                + " k.closes_at DESC, i.id DESC" + Sql.page(pageSize, (long) (page - 1) * pageSize),
                        Consultations::row, lang, p).collectList().map(items -> new Page(total, items))));
    }

    public Mono<Optional<Detail>> detail(Tenant tenant, String lang, String slug) {
        return db.mono(tenant, c -> c.query("SELECT " + COLUMNS + " WHERE " + PUBLIC + " AND i.language = $1 AND i.slug = $2",
                        Consultations::row, lang, slug).collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.<Optional<Detail>>just(Optional.empty())
                        : Attachments.of(c, rows.get(0).id()).collectList().map(files -> Optional.of(new Detail(rows.get(0), files)))));
    }

    private static Consultation row(Readable r) {
        return new Consultation(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class),
                r.get("language", String.class), r.get("slug", String.class), r.get("title", String.class), r.get("summary", String.class),
                r.get("body_html", String.class), r.get("updated_at", OffsetDateTime.class),
                new ConsultationFields(r.get("opens_at", OffsetDateTime.class), r.get("closes_at", OffsetDateTime.class),
                        r.get("comment_email", String.class), r.get("comment_address", String.class)));
    }

    private record Details(ConsultationFields f, Map<String, String> unreadable) implements KindDetails {

        @Override
        public Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>(unreadable);
            if (f.opensAt() == null) {
                p.putIfAbsent("opensAt", "Vui lòng nhập thời điểm bắt đầu lấy ý kiến.");
            }
            if (f.closesAt() == null) {
                p.putIfAbsent("closesAt", "Vui lòng nhập thời điểm kết thúc lấy ý kiến.");
            }
            if (f.opensAt() != null && f.closesAt() != null && !f.closesAt().isAfter(f.opensAt())) {
                p.putIfAbsent("closesAt", "Thời điểm kết thúc phải sau thời điểm bắt đầu.");
            }
            String email = RichText.plain(f.commentEmail());
            if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                p.putIfAbsent("commentEmail", "Địa chỉ thư điện tử «" + email + "» không hợp lệ.");
            }
            if (email.isEmpty() && RichText.plain(f.commentAddress()).isEmpty()) {
                p.putIfAbsent("commentEmail", "Cần ít nhất một nơi nhận góp ý: thư điện tử hoặc địa chỉ gửi văn bản.");
            }
            return p;
        }

        @Override
        public Mono<Void> save(TenantTx c, long itemId) {
            return c.update("""
                            INSERT INTO consultations (item_id, opens_at, closes_at, comment_email, comment_address)
                            VALUES ($1, $2, $3, $4, $5)
                            ON CONFLICT (item_id) DO UPDATE SET opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at,
                                comment_email = EXCLUDED.comment_email, comment_address = EXCLUDED.comment_address""",
                    itemId, f.opensAt(), f.closesAt(), RichText.plain(f.commentEmail()), RichText.plain(f.commentAddress())).then();
        }
    }
}
