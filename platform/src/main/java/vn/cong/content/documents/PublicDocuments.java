package vn.cong.content.documents;

import io.micronaut.core.annotation.Nullable;
import vn.cong.system.Sql;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.attachments.Attachment;
import vn.cong.content.attachments.Attachments;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The public's view of a tenant's documents: only published ones whose time has come, one transaction per page. */
@Singleton
public class PublicDocuments {

    private static final String PUBLIC = "i.kind = 'document' AND i.state = 'published' AND i.published_at <= now()";
    private static final String COLUMNS = "i.id, i.slug, i.title, i.summary, i.published_at, d.number, d.type_code, t.name_vi, t.name_en,"
            + " d.issuer, d.signer, d.issued_on, d.effective_on, d.expires_on, d.replaced_by, d.national_db_id, d.national_db_url, " + DocumentStatus.EFFECTIVE_SQL + " AS effective";
    private static final String FROM = " FROM content_items i JOIN legal_documents d ON d.item_id = i.id JOIN document_types t ON t.code = d.type_code";
    /** $1 language, then type, issuer, year, status (each '' or -1 for "any"). */
    private static final String FILTERED = " WHERE " + PUBLIC + " AND i.language = $1 AND ($2 = '' OR d.type_code = $2)"
            + " AND ($3 = '' OR d.issuer = $3) AND ($4 = -1 OR extract(year FROM d.issued_on) = $4)"
            + " AND ($5 = '' OR " + DocumentStatus.EFFECTIVE_SQL + " = $5)";

    private final TenantDatabase db;

    public PublicDocuments(TenantDatabase db) {
        this.db = db;
    }

    /** A document as the public list and page show it. */
    public record Listed(long id, String slug, String title, String summary, OffsetDateTime publishedAt, String number,
                         String typeCode, String typeVi, String typeEn, String issuer, String signer, LocalDate issuedOn,
                         @Nullable LocalDate effectiveOn, @Nullable LocalDate expiresOn, @Nullable Long replacedBy,
                         DocumentStatus status, @Nullable String nationalId, @Nullable String nationalUrl) {

        public String typeName(String lang) {
            return "en".equals(lang) ? typeEn : typeVi;
        }
    }

    /** What the filter form offers: the tenant's types, and the issuers and years its public documents have. */
    public record Options(List<DocumentType> types, List<String> issuers, List<Integer> years) {
    }

    public record Page(long total, List<Listed> documents, Options options) {
    }

    /** The document that replaces another: linked when public, named by its number otherwise. */
    public record Replacement(String number, String title, @Nullable String slug) {
    }

    public record Detail(Listed document, String bodyHtml, List<Attachment> attachments, @Nullable Replacement replacedBy) {
    }

    public Mono<Page> list(Tenant tenant, String lang, DocumentFilter f, int page, int pageSize) {
        Object[] filter = {lang, orEmpty(f.typeCode()), orEmpty(f.issuer()), f.year() == null ? -1 : f.year(),
                f.status() == null ? "" : f.status().db()};
        return db.mono(tenant, c -> LegalDocuments.types(c).collectList()
                .flatMap(types -> c.query("SELECT DISTINCT d.issuer FROM content_items i JOIN legal_documents d ON d.item_id = i.id"
                                + " WHERE " + PUBLIC + " AND i.language = $1 ORDER BY d.issuer", r -> r.get(0, String.class), lang).collectList()
                        .flatMap(issuers -> c.query("SELECT DISTINCT extract(year FROM d.issued_on)::int AS y FROM content_items i"
                                        + " JOIN legal_documents d ON d.item_id = i.id WHERE " + PUBLIC + " AND i.language = $1 ORDER BY y DESC",
                                r -> r.get(0, Integer.class), lang).collectList()
                                .map(years -> new Options(types, issuers, years))))
                .flatMap(options -> c.one("SELECT count(*) FROM content_items i JOIN legal_documents d ON d.item_id = i.id" + FILTERED,
                                r -> r.get(0, Long.class), filter)
                        .flatMap(total -> c.query("SELECT " + COLUMNS + FROM + FILTERED
                                                + " ORDER BY d.issued_on DESC, i.id DESC" + Sql.page(pageSize, (long) (page - 1) * pageSize),
                                        PublicDocuments::listed, filter)
                                .collectList()
                                .map(rows -> new Page(total, rows, options)))));
    }

    public Mono<Optional<Detail>> detail(Tenant tenant, String lang, String slug) {
        return db.mono(tenant, c -> c.query("SELECT " + COLUMNS + ", i.body_html" + FROM + " WHERE " + PUBLIC + " AND i.language = $1 AND i.slug = $2",
                                r -> new Detail(listed(r), r.get("body_html", String.class), List.of(), null), lang, slug)
                        .collectList()
                        .flatMap(rows -> rows.isEmpty() ? Mono.<Detail>empty() : Mono.just(rows.get(0)))
                        .flatMap(found -> Attachments.of(c, found.document().id()).collectList()
                                .flatMap(files -> replacement(c, found.document().replacedBy())
                                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                                        .map(replacement -> new Detail(found.document(), found.bodyHtml(), files, replacement.orElse(null)))))
                        .map(Optional::of))
                .defaultIfEmpty(Optional.empty());
    }

    private static Mono<Replacement> replacement(TenantTx c, @Nullable Long id) {
        if (id == null) {
            return Mono.empty();
        }
        return c.one("SELECT d.number, i.title, CASE WHEN " + PUBLIC.replace("i.kind = 'document' AND ", "") + " THEN i.slug END"
                + " FROM content_items i JOIN legal_documents d ON d.item_id = i.id WHERE i.id = $1",
                r -> new Replacement(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)), id);
    }

    private static Listed listed(Readable r) {
        return new Listed(r.get("id", Long.class), r.get("slug", String.class), r.get("title", String.class), r.get("summary", String.class),
                r.get("published_at", OffsetDateTime.class), r.get("number", String.class), r.get("type_code", String.class),
                r.get("name_vi", String.class), r.get("name_en", String.class), r.get("issuer", String.class), r.get("signer", String.class),
                r.get("issued_on", LocalDate.class), r.get("effective_on", LocalDate.class), r.get("expires_on", LocalDate.class),
                r.get("replaced_by", Long.class), DocumentStatus.ofDb(r.get("effective", String.class)).orElse(DocumentStatus.VALID),
                r.get("national_db_id", String.class), r.get("national_db_url", String.class));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
