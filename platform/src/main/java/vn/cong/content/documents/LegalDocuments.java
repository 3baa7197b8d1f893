package vn.cong.content.documents;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.Draft;
import vn.cong.content.DraftRejected;
import vn.cong.content.KindDetails;
import vn.cong.content.Publishing;
import vn.cong.content.RichText;
import vn.cong.content.SavedItem;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.PublicChanges;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Legal and directive documents (văn bản) as editors keep them: items of kind {@code document}
 * saved through {@link Publishing} with their fields in {@code legal_documents}, the tenant's list
 * of document types, and its rule on required attachments.
 */
@Singleton
public class LegalDocuments {

    public static final String KIND = "document";
    private static final Pattern TYPE_CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final Publishing publishing;
    private final NationalLegalDatabase nationalDatabase;

    public LegalDocuments(TenantDatabase db, PublicChanges changes, Publishing publishing, NationalLegalDatabase nationalDatabase) {
        this.db = db;
        this.changes = changes;
        this.publishing = publishing;
        this.nationalDatabase = nationalDatabase;
    }

    /** A line of the editors' list. */
    /** {@code keptUntil}: for an expired document, the day until which it stays online (expiry + the tenant's retention). */
    public record Row(long id, String title, String number, String typeName, String issuer, @Nullable LocalDate issuedOn,
                      DocumentStatus status, String state, String language, String slug, OffsetDateTime updatedAt,
                      @Nullable LocalDate keptUntil) {
    }

    /** A document as its edit form needs it. */
    public record Editable(long id, int version, String state, String language, String slug, String title, String summary,
                           String bodyHtml, DocumentFields fields) {
    }

    /** A document another one can be replaced by. */
    public record Choice(long id, String number, String title) {
    }

    /**
     * Saves a document (new when {@code draft.id()} is null). {@code unreadable} holds the fields the
     * form could not read (a malformed date, say): they are refused together with every other problem.
     */
    public Mono<SavedItem> save(Tenant tenant, Draft draft, DocumentFields fields, Map<String, String> unreadable) {
        return publishing.saveDraft(tenant, draft, new Details(fields, unreadable, nationalDatabase));
    }

    public Mono<Editable> editable(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("""
                        SELECT i.id, i.version, i.state, i.language, i.slug, i.title, i.summary, i.body_html,
                               d.number, d.type_code, d.issuer, d.signer, d.issued_on, d.effective_on, d.expires_on, d.status, d.replaced_by,
                               d.national_db_id, d.national_db_url
                        FROM content_items i JOIN legal_documents d ON d.item_id = i.id WHERE i.id = $1 AND i.kind = 'document'""",
                r -> new Editable(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class),
                        r.get("language", String.class), r.get("slug", String.class), r.get("title", String.class),
                        r.get("summary", String.class), r.get("body_html", String.class), fields(r)), id));
    }

    public Mono<List<Row>> list(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                        SELECT i.id, i.title, d.number, t.name_vi, d.issuer, d.issued_on, """ + DocumentStatus.EFFECTIVE_SQL + """
                         AS effective, i.state, i.language, i.slug, i.updated_at,
                               (d.expires_on + make_interval(months => s.expired_kept_months))::date AS kept_until
                        FROM content_items i JOIN legal_documents d ON d.item_id = i.id JOIN document_types t ON t.code = d.type_code
                        CROSS JOIN document_settings s
                        ORDER BY d.issued_on DESC, i.id DESC LIMIT 500""",
                r -> new Row(r.get("id", Long.class), r.get("title", String.class), r.get("number", String.class),
                        r.get("name_vi", String.class), r.get("issuer", String.class), r.get("issued_on", LocalDate.class),
                        DocumentStatus.ofDb(r.get("effective", String.class)).orElse(DocumentStatus.VALID), r.get("state", String.class),
                        r.get("language", String.class), r.get("slug", String.class), r.get("updated_at", OffsetDateTime.class),
                        "expired".equals(r.get("effective", String.class)) ? r.get("kept_until", LocalDate.class) : null)))
                .collectList();
    }

    /** Documents that may replace {@code exceptId} (every other document of the tenant). */
    public Mono<List<Choice>> choices(Tenant tenant, @Nullable Long exceptId) {
        return db.flux(tenant, c -> c.query("""
                        SELECT i.id, d.number, i.title FROM content_items i JOIN legal_documents d ON d.item_id = i.id
                        WHERE i.id <> $1 ORDER BY d.issued_on DESC, i.id DESC LIMIT 500""",
                r -> new Choice(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)),
                exceptId == null ? -1L : exceptId)).collectList();
    }

    public Mono<List<DocumentType>> types(Tenant tenant) {
        return db.flux(tenant, LegalDocuments::types).collectList();
    }

    static reactor.core.publisher.Flux<DocumentType> types(TenantTx c) {
        return c.query("SELECT code, name_vi, name_en, position FROM document_types ORDER BY position, name_vi",
                r -> new DocumentType(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Integer.class)));
    }

    /** Adds a type to the tenant's list, or renames it when the code exists. */
    public Mono<Void> saveType(Tenant tenant, String code, String nameVi, String nameEn) {
        Map<String, String> problems = new LinkedHashMap<>();
        String c0 = code == null ? "" : code.strip();
        if (!TYPE_CODE.matcher(c0).matches() || c0.length() > 40) {
            problems.put("typeCode", "Mã loại chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: quyet-dinh.");
        }
        if (RichText.plain(nameVi).isEmpty()) {
            problems.put("typeNameVi", "Tên loại văn bản không được để trống.");
        }
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        String en = RichText.plain(nameEn).isEmpty() ? RichText.plain(nameVi) : RichText.plain(nameEn);
        return changed(tenant, c -> c.update("""
                INSERT INTO document_types (code, name_vi, name_en, position)
                VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 10 FROM document_types))
                ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en""",
                c0, RichText.plain(nameVi), en));
    }

    /** Removes a type no document uses; refuses with a message otherwise. */
    public Mono<Void> removeType(Tenant tenant, String code) {
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM legal_documents WHERE type_code = $1", r -> r.get(0, Long.class), code))
                .flatMap(used -> used > 0
                        ? Mono.error(new DraftRejected(Map.of("typeCode", "Loại văn bản này đang được " + used
                        + " văn bản sử dụng nên không xoá được.")))
                        : changed(tenant, c -> c.update("DELETE FROM document_types WHERE code = $1", code)));
    }

    /** The tenant's rules for documents. */
    public record Settings(boolean requirePdfAndDoc, int expiredKeptMonths) {
    }

    public Mono<Settings> settings(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT require_pdf_and_doc, expired_kept_months FROM document_settings WHERE id = 1",
                r -> new Settings(Boolean.TRUE.equals(r.get(0, Boolean.class)), r.get(1, Integer.class))));
    }

    public Mono<Void> requirePdfAndDoc(Tenant tenant, boolean required) {
        return db.mono(tenant, c -> c.update("UPDATE document_settings SET require_pdf_and_doc = $1 WHERE id = 1", required)).then();
    }

    /** Saves the rules; {@code expiredKeptMonths} from 0 to 1200 (the preset is 12 [001 Đ13.2]). */
    public Mono<Void> saveSettings(Tenant tenant, Settings settings) {
        if (settings.expiredKeptMonths() < 0 || settings.expiredKeptMonths() > 1200) {
            return Mono.error(new DraftRejected(Map.of("expiredKeptMonths", "Thời gian lưu văn bản hết hiệu lực phải từ 0 đến 1200 tháng.")));
        }
        return db.mono(tenant, c -> c.update("UPDATE document_settings SET require_pdf_and_doc = $1, expired_kept_months = $2 WHERE id = 1",
                settings.requirePdfAndDoc(), settings.expiredKeptMonths())).then();
    }

    private Mono<Void> changed(Tenant tenant, java.util.function.Function<TenantTx, Mono<Long>> change) {
        return changes.inTenant(tenant, (c, publicChange) -> change.apply(c).then(publicChange.pagesOf(tenant))).then();
    }

    static DocumentFields fields(Readable r) {
        return new DocumentFields(r.get("number", String.class), r.get("type_code", String.class), r.get("issuer", String.class),
                r.get("signer", String.class), r.get("issued_on", LocalDate.class), r.get("effective_on", LocalDate.class),
                r.get("expires_on", LocalDate.class), DocumentStatus.ofDb(r.get("status", String.class)).orElse(DocumentStatus.VALID),
                r.get("replaced_by", Long.class), r.get("national_db_id", String.class), r.get("national_db_url", String.class));
    }

    private static String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The side-table row of a document, checked with the item and written on its transaction. */
    private record Details(DocumentFields f, Map<String, String> unreadable, NationalLegalDatabase nationalDatabase) implements KindDetails {

        @Override
        public Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>(unreadable);
            if (RichText.plain(f.number()).isEmpty()) {
                p.putIfAbsent("number", "Số, ký hiệu văn bản không được để trống, ví dụ: 1711/QĐ-BKHCN.");
            } else if (f.number().length() > 100) {
                p.putIfAbsent("number", "Số, ký hiệu dài quá 100 ký tự.");
            }
            if (f.typeCode() == null || f.typeCode().isBlank()) {
                p.putIfAbsent("typeCode", "Vui lòng chọn loại văn bản.");
            }
            if (RichText.plain(f.issuer()).isEmpty()) {
                p.putIfAbsent("issuer", "Cơ quan ban hành không được để trống.");
            }
            if (f.issuedOn() == null) {
                p.putIfAbsent("issuedOn", "Vui lòng nhập ngày ban hành.");
            }
            if (f.issuedOn() != null && f.effectiveOn() != null && f.effectiveOn().isBefore(f.issuedOn())) {
                p.putIfAbsent("effectiveOn", "Ngày có hiệu lực không được trước ngày ban hành.");
            }
            LocalDate from = f.effectiveOn() != null ? f.effectiveOn() : f.issuedOn();
            if (from != null && f.expiresOn() != null && !f.expiresOn().isAfter(from)) {
                p.putIfAbsent("expiresOn", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
            }
            if (f.status() == DocumentStatus.REPLACED && f.replacedBy() == null) {
                p.putIfAbsent("replacedBy", "Văn bản bị thay thế: vui lòng chọn văn bản thay thế.");
            }
            if (f.status() != DocumentStatus.REPLACED && f.replacedBy() != null) {
                p.putIfAbsent("replacedBy", "Chỉ chọn văn bản thay thế khi tình trạng là «Bị thay thế».");
            }
            NationalLegalDatabase.idProblem(f.nationalId()).ifPresent(problem -> p.putIfAbsent("nationalId", problem));
            nationalDatabase.urlProblem(f.nationalUrl()).ifPresent(problem -> p.putIfAbsent("nationalUrl", problem));
            return p;
        }

        @Override
        public Mono<Void> save(TenantTx c, long itemId) {
            Mono<Map<String, String>> type = c.one("SELECT 1 FROM document_types WHERE code = $1", r -> Map.<String, String>of(), f.typeCode())
                    .defaultIfEmpty(Map.of("typeCode", "Loại văn bản đã chọn không có trong danh sách của cổng."));
            Mono<Map<String, String>> replacement = f.replacedBy() == null ? Mono.just(Map.of())
                    : c.one("SELECT 1 FROM legal_documents WHERE item_id = $1 AND item_id <> $2", r -> Map.<String, String>of(),
                            f.replacedBy(), itemId)
                    .defaultIfEmpty(Map.of("replacedBy", "Văn bản thay thế phải là một văn bản khác của cổng này."));
            // one after the other: both run on the item's one connection
            return type.flatMap(typeProblem -> replacement.map(replacementProblem -> {
                Map<String, String> all = new LinkedHashMap<>(typeProblem);
                all.putAll(replacementProblem);
                return all;
            })).flatMap(problems -> {
                if (!problems.isEmpty()) {
                    return Mono.error(new DraftRejected(problems));
                }
                return c.update("""
                                INSERT INTO legal_documents (item_id, number, type_code, issuer, signer, issued_on, effective_on, expires_on,
                                                             status, replaced_by, national_db_id, national_db_url)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                                ON CONFLICT (item_id) DO UPDATE SET number = EXCLUDED.number, type_code = EXCLUDED.type_code,
                                    issuer = EXCLUDED.issuer, signer = EXCLUDED.signer, issued_on = EXCLUDED.issued_on,
                                    effective_on = EXCLUDED.effective_on, expires_on = EXCLUDED.expires_on, status = EXCLUDED.status,
                                    replaced_by = EXCLUDED.replaced_by, national_db_id = EXCLUDED.national_db_id,
                                    national_db_url = EXCLUDED.national_db_url""",
                        itemId, RichText.plain(f.number()), f.typeCode(), RichText.plain(f.issuer()), RichText.plain(f.signer()),
                        f.issuedOn(), Sql.orNull(f.effectiveOn(), LocalDate.class), Sql.orNull(f.expiresOn(), LocalDate.class),
                        f.status().db(), Sql.orNull(f.replacedBy(), Long.class), Sql.orNull(blank(f.nationalId()), String.class),
                        Sql.orNull(blank(f.nationalUrl()), String.class)).then();
            });
        }
    }
}
