package vn.cong.content.procedures;

import io.micronaut.core.annotation.Nullable;
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
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administrative procedures and online public services: items of kind {@code procedure} with their fields in {@code procedures}. */
@Singleton
public class Procedures {

    public static final String KIND = "procedure";
    private static final String PUBLIC = "i.kind = 'procedure' AND i.state = 'published' AND i.published_at <= now()";
    private static final String COLUMNS = "i.id, i.version, i.state, i.language, i.slug, i.title, i.summary, i.body_html, i.updated_at,"
            + " p.service_level, p.online_url, p.field, p.unit, p.processing_time, p.fees, p.required_documents, p.ends_on"
            + " FROM content_items i JOIN procedures p ON p.item_id = i.id";
    /** $1 language, $2 level (-1 any), $3 field ('' any), $4 unit ('' any). */
    private static final String FILTERED = " WHERE " + PUBLIC + " AND i.language = $1 AND ($2 = -1 OR p.service_level = $2)"
            + " AND ($3 = '' OR p.field = $3) AND ($4 = '' OR p.unit = $4)";

    private final TenantDatabase db;
    private final Publishing publishing;

    public Procedures(TenantDatabase db, Publishing publishing) {
        this.db = db;
        this.publishing = publishing;
    }

    public record Procedure(long id, int version, String state, String language, String slug, String title, String summary,
                            String bodyHtml, OffsetDateTime updatedAt, ProcedureFields fields) {
    }

    /** The public list's filters: level, field, unit (null for any). */
    public record Filter(@Nullable Integer level, @Nullable String field, @Nullable String unit) {
    }

    /** What the filter form offers: the fields and units public procedures have. */
    public record Options(List<String> fields, List<String> units) {
    }

    public record Page(long total, List<Procedure> items, Options options) {
    }

    public record Detail(Procedure procedure, List<Attachment> attachments) {
    }

    public Mono<SavedItem> save(Tenant tenant, Draft draft, ProcedureFields fields, Map<String, String> unreadable) {
        return publishing.saveDraft(tenant, draft, new Details(fields, unreadable));
    }

    public Mono<Procedure> editable(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("SELECT " + COLUMNS + " WHERE i.id = $1", Procedures::row, id));
    }

    public Mono<List<Procedure>> list(Tenant tenant) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS + " ORDER BY p.field, i.title, i.id LIMIT 1000", Procedures::row)).collectList();
    }

    public Mono<Page> published(Tenant tenant, String lang, Filter f, int page, int pageSize) {
        Object[] params = {lang, f.level() == null ? -1 : f.level(), f.field() == null ? "" : f.field(), f.unit() == null ? "" : f.unit()};
        String distinct = " FROM content_items i JOIN procedures p ON p.item_id = i.id WHERE " + PUBLIC + " AND i.language = $1";
        return db.mono(tenant, c -> c.query("SELECT DISTINCT p.field" + distinct + " AND p.field <> '' ORDER BY p.field", r -> r.get(0, String.class), lang)
                .collectList()
                .flatMap(fields -> c.query("SELECT DISTINCT p.unit" + distinct + " AND p.unit <> '' ORDER BY p.unit", r -> r.get(0, String.class), lang)
                        .collectList().map(units -> new Options(fields, units)))
                .flatMap(options -> c.one("SELECT count(*) FROM content_items i JOIN procedures p ON p.item_id = i.id" + FILTERED,
                                r -> r.get(0, Long.class), params)
                        .flatMap(total -> c.query("SELECT " + COLUMNS + FILTERED + " ORDER BY p.field, i.title, i.id"
                                        + Sql.page(pageSize, (long) (page - 1) * pageSize), Procedures::row, params)
                                .collectList().map(items -> new Page(total, items, options)))));
    }

    public Mono<Optional<Detail>> detail(Tenant tenant, String lang, String slug) {
        return db.mono(tenant, c -> c.query("SELECT " + COLUMNS + " WHERE " + PUBLIC + " AND i.language = $1 AND i.slug = $2",
                        Procedures::row, lang, slug).collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.<Optional<Detail>>just(Optional.empty())
                        : Attachments.of(c, rows.get(0).id()).collectList().map(files -> Optional.of(new Detail(rows.get(0), files)))));
    }

    private static Procedure row(Readable r) {
        return new Procedure(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class),
                r.get("language", String.class), r.get("slug", String.class), r.get("title", String.class), r.get("summary", String.class),
                r.get("body_html", String.class), r.get("updated_at", OffsetDateTime.class),
                new ProcedureFields(r.get("service_level", Integer.class), orEmpty(r.get("online_url", String.class)), r.get("field", String.class),
                        r.get("unit", String.class), r.get("processing_time", String.class), r.get("fees", String.class),
                        r.get("required_documents", String.class), r.get("ends_on", java.time.LocalDate.class)));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private record Details(ProcedureFields f, Map<String, String> unreadable) implements KindDetails {

        @Override
        public Map<String, String> problems() {
            Map<String, String> p = new LinkedHashMap<>(unreadable);
            if (f.serviceLevel() == null || f.serviceLevel() < 2 || f.serviceLevel() > 4) {
                p.putIfAbsent("serviceLevel", "Vui lòng chọn mức độ dịch vụ công trực tuyến (2, 3 hoặc 4).");
            }
            String url = RichText.plain(f.onlineUrl());
            if (!url.isEmpty() && !(url.startsWith("https://") || url.startsWith("http://"))) {
                p.putIfAbsent("onlineUrl", "Liên kết dịch vụ công phải bắt đầu bằng https:// (hoặc http://).");
            }
            if (url.isEmpty() && f.serviceLevel() != null && f.serviceLevel() >= 3) {
                p.putIfAbsent("onlineUrl", "Dịch vụ công mức độ 3 và 4 cần liên kết đến nơi nộp hồ sơ trực tuyến.");
            }
            if (RichText.plain(f.unit()).isEmpty()) {
                p.putIfAbsent("unit", "Vui lòng nhập đơn vị thực hiện.");
            }
            return p;
        }

        @Override
        public Mono<Void> save(TenantTx c, long itemId) {
            String url = RichText.plain(f.onlineUrl());
            return c.update("""
                            INSERT INTO procedures (item_id, service_level, online_url, field, unit, processing_time, fees, required_documents, ends_on)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                            ON CONFLICT (item_id) DO UPDATE SET service_level = EXCLUDED.service_level, online_url = EXCLUDED.online_url,
                                field = EXCLUDED.field, unit = EXCLUDED.unit, processing_time = EXCLUDED.processing_time,
                                fees = EXCLUDED.fees, required_documents = EXCLUDED.required_documents, ends_on = EXCLUDED.ends_on""",
                    itemId, f.serviceLevel(), Sql.orNull(url.isEmpty() ? null : url, String.class), RichText.plain(f.field()),
                    RichText.plain(f.unit()), RichText.plain(f.processingTime()), RichText.plain(f.fees()),
                    RichText.plain(f.requiredDocuments()), Sql.orNull(f.endsOn(), java.time.LocalDate.class)).then();
        }
    }
}
