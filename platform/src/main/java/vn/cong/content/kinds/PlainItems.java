package vn.cong.content.kinds;

import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.content.attachments.Attachment;
import vn.cong.content.attachments.Attachments;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The items of a kind that has nothing beyond what every item has (title, address, language, summary,
 * text): read from {@code content_items} by kind, saved through {@link Publishing}. Such a kind needs no
 * table of its own; see {@link PlainKind}.
 */
@Singleton
public class PlainItems {

    private static final String COLUMNS = "SELECT id, version, state, language, slug, title, summary, body_html, updated_at FROM content_items";
    /** $1 kind, $2 language. */
    private static final String PUBLIC = "i.kind = $1 AND i.language = $2 AND i.state = 'published' AND i.published_at <= now()";

    private final TenantDatabase db;
    private final Publishing publishing;

    public PlainItems(TenantDatabase db, Publishing publishing) {
        this.db = db;
        this.publishing = publishing;
    }

    public record Page(long total, List<Item> items) {
    }

    public record Detail(Item item, List<Attachment> attachments) {
    }

    public record Item(long id, int version, String state, String language, String slug, String title, String summary, String bodyHtml,
                       OffsetDateTime updatedAt) {
    }

    public Mono<Item> editable(Tenant tenant, String kind, long id) {
        return db.mono(tenant, c -> c.one(COLUMNS + " WHERE id = $1 AND kind = $2", PlainItems::item, id, kind));
    }

    /** The kind's items, most recently changed first. */
    public Mono<List<Item>> list(Tenant tenant, String kind) {
        return db.flux(tenant, c -> c.query(COLUMNS + " WHERE kind = $1 ORDER BY updated_at DESC, id DESC LIMIT 500", PlainItems::item, kind))
                .collectList();
    }

    /** A page of the kind's published items in {@code lang}, newest first. */
    public Mono<Page> published(Tenant tenant, String kind, String lang, int page, int pageSize) {
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM content_items i WHERE " + PUBLIC, r -> r.get(0, Long.class), kind, lang)
                .flatMap(total -> c.query(COLUMNS + " i WHERE " + PUBLIC + " ORDER BY i.published_at DESC, i.id DESC"
                        + Sql.page(pageSize, (long) (page - 1) * pageSize), PlainItems::item, kind, lang).collectList().map(items -> new Page(total, items))));
    }

    /** The published item at {@code slug} in {@code lang}, with its attachments; empty when there is none. */
    public Mono<Detail> detail(Tenant tenant, String kind, String lang, String slug) {
        return db.mono(tenant, c -> c.one(COLUMNS + " i WHERE " + PUBLIC + " AND i.slug = $3", PlainItems::item, kind, lang, slug)
                .flatMap(item -> Attachments.of(c, item.id()).collectList().map(files -> new Detail(item, files))));
    }

    public Mono<SavedItem> save(Tenant tenant, Draft draft) {
        return publishing.saveDraft(tenant, draft);
    }

    private static Item item(Readable r) {
        return new Item(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class), r.get("language", String.class),
                r.get("slug", String.class), r.get("title", String.class), r.get("summary", String.class), r.get("body_html", String.class),
                r.get("updated_at", OffsetDateTime.class));
    }
}
