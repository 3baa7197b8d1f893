package vn.cong.content.translations;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantTx;
import vn.cong.tenancy.TenantDatabase;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linked translations (bản dịch) [003 Đ11.9; Decree 42/2022 Art. 7]: a Vietnamese item and its English version of the same
 * kind, one link each way (migration V661). Linking and unlinking are audited ({@code translation.*}) and change the tenant's
 * public pages (the language switcher and the {@code hreflang} links follow the link). Every lookup is in the tenant's own
 * schema, so an id of another tenant's item names nothing here.
 */
@Singleton
public class Translations {

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    Translations(TenantDatabase db, PublicChanges changes, AuditLog audit, Clock clock) {
        this.db = db;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** An item as a translation link shows it; {@code standingRole} is its about-page role, if it is one. */
    public record Item(long id, String kind, String language, String slug, String title, String state, @Nullable String standingRole) {

        public boolean published() {
            return "published".equals(state);
        }
    }

    private static final String COLUMNS = "o.id, o.kind, o.language, o.slug, o.title, o.state, sp.role";

    private static Item item(io.r2dbc.spi.Readable r) {
        return new Item(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                r.get(5, String.class), r.get(6, String.class));
    }

    /** The item {@code id} of this tenant; empty when it has none. */
    public Mono<Item> item(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("SELECT " + COLUMNS + " FROM content_items o LEFT JOIN standing_pages sp ON sp.item_id = o.id WHERE o.id = $1",
                Translations::item, id));
    }

    /** The translation linked to item {@code id}, in any state; empty when there is none. */
    public Mono<Item> linked(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("""
                        SELECT %s FROM item_translations t
                          JOIN content_items o ON o.id = CASE WHEN t.vi_item_id = $1 THEN t.en_item_id ELSE t.vi_item_id END
                          LEFT JOIN standing_pages sp ON sp.item_id = o.id
                         WHERE t.vi_item_id = $1 OR t.en_item_id = $1""".formatted(COLUMNS), Translations::item, id));
    }

    /**
     * The published translation of the item a public page shows (its language and slug, unique per language); empty when the
     * item has none, or its translation is not online.
     */
    public Mono<Optional<Item>> publishedCounterpart(Tenant tenant, String lang, String slug) {
        return db.mono(tenant, c -> publishedCounterpart(c, lang, slug));
    }

    /** The same, on a transaction the caller already has in the tenant's schema (a public page reads all it shows in one). */
    public static Mono<Optional<Item>> publishedCounterpart(TenantTx c, String lang, String slug) {
        return c.query("""
                        SELECT %s FROM {schema}.content_items i
                          JOIN {schema}.item_translations t ON t.vi_item_id = i.id OR t.en_item_id = i.id
                          JOIN {schema}.content_items o ON o.id = CASE WHEN t.vi_item_id = i.id THEN t.en_item_id ELSE t.vi_item_id END
                          LEFT JOIN {schema}.standing_pages sp ON sp.item_id = o.id
                         WHERE i.language = $1 AND i.slug = $2 AND o.state = 'published' AND o.published_at <= now()""".formatted(COLUMNS),
                Translations::item, lang, slug).collectList().map(rows -> rows.stream().findFirst());
    }

    /** The items that may become the translation of {@code of}: the other language, the same kind, newest first. */
    public Mono<List<Item>> candidates(Tenant tenant, Item of) {
        String other = "en".equals(of.language()) ? "vi" : "en";
        return db.flux(tenant, c -> c.query("""
                        SELECT %s FROM content_items o LEFT JOIN standing_pages sp ON sp.item_id = o.id
                         WHERE o.language = $1 AND o.kind = $2 AND o.state <> 'taken_down'
                         ORDER BY o.updated_at DESC, o.id DESC LIMIT 300""".formatted(COLUMNS), Translations::item, other, of.kind()))
                .collectList();
    }

    /** Links {@code itemId} and {@code otherId} as translations of each other, replacing any link either had. */
    public Mono<Void> link(Tenant tenant, long itemId, long otherId, long actorId) {
        return Mono.zip(item(tenant, itemId).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        item(tenant, otherId).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(t -> {
                    if (t.getT1().isEmpty() || t.getT2().isEmpty()) {
                        return Mono.error(new TranslationRejected("Không tìm thấy mục nội dung này trong cổng."));
                    }
                    Item a = t.getT1().get();
                    Item b = t.getT2().get();
                    if (a.language().equals(b.language())) {
                        return Mono.error(new TranslationRejected("Bản dịch phải là mục của ngôn ngữ kia (tiếng Việt ↔ tiếng Anh)."));
                    }
                    if (!a.kind().equals(b.kind())) {
                        return Mono.error(new TranslationRejected("Bản dịch phải cùng loại nội dung với mục này."));
                    }
                    long vi = "vi".equals(a.language()) ? a.id() : b.id();
                    long en = "vi".equals(a.language()) ? b.id() : a.id();
                    return changes.inTenant(tenant, (c, change) -> c.update(
                                    "DELETE FROM item_translations WHERE vi_item_id IN ($1, $2) OR en_item_id IN ($1, $2)", vi, en)
                            .then(c.update("INSERT INTO item_translations (vi_item_id, en_item_id, linked_by, linked_at) VALUES ($1, $2, $3, $4)",
                                    vi, en, actorId, clock.instant().atOffset(ZoneOffset.UTC)))
                            .then(audit.record(c, actorId, "translation.linked", Map.of("viItemId", vi, "enItemId", en)))
                            .then(change.pagesOf(tenant)));
                }).then();
    }

    /** Removes the link of {@code itemId}; false when it had none. */
    public Mono<Boolean> unlink(Tenant tenant, long itemId, long actorId) {
        return changes.inTenant(tenant, (c, change) -> c.query(
                        "DELETE FROM item_translations WHERE vi_item_id = $1 OR en_item_id = $1 RETURNING vi_item_id, en_item_id",
                        r -> new long[]{r.get(0, Long.class), r.get(1, Long.class)}, itemId).collectList().flatMap(rows -> Mono.justOrEmpty(rows.stream().findFirst()))
                .flatMap(pair -> audit.record(c, actorId, "translation.unlinked", Map.of("viItemId", pair[0], "enItemId", pair[1]))
                        .then(change.pagesOf(tenant)).thenReturn(true))
                .defaultIfEmpty(false));
    }

    /** One required English page [003 Đ3.1, Đ11.9; 000 Đ4.1; Decree 42/2022 Art. 7] and whether the tenant has it online. */
    public record Required(String label, String english, boolean present, String how) {
    }

    /**
     * The English pages every portal must have: the introduction with the organisation, the functions and tasks and the
     * contacts are English text pages; the leadership and the organisation chart are lists shared by both languages, so
     * they count once they have entries.
     */
    public Mono<List<Required>> requiredEnglish(Tenant tenant) {
        return db.mono(tenant, c -> c.one("""
                        SELECT
                          (SELECT array_agg(s.role) FROM standing_pages s JOIN content_items i ON i.id = s.item_id
                            WHERE s.language = 'en' AND i.state = 'published' AND i.published_at <= now()),
                          (SELECT count(*) FROM leaders), (SELECT count(*) FROM org_units)""",
                r -> {
                    String[] roles = r.get(0, String[].class);
                    List<String> online = roles == null ? List.of() : List.of(roles);
                    long leaders = r.get(1, Long.class);
                    long units = r.get(2, Long.class);
                    String page = "Soạn và đăng trang tiếng Anh trong Giới thiệu (ngôn ngữ: tiếng Anh).";
                    return List.of(
                            new Required("Giới thiệu chung, cơ cấu tổ chức", "About us (organisation)", online.contains("introduction"), page),
                            new Required("Chức năng, nhiệm vụ", "Functions and tasks", online.contains("functions"), page),
                            new Required("Liên hệ", "Contact", online.contains("contacts"), page),
                            new Required("Lãnh đạo", "Leadership", leaders > 0, "Nhập danh sách lãnh đạo trong Giới thiệu (dùng chung cho hai ngôn ngữ)."),
                            new Required("Sơ đồ tổ chức", "Organisation chart", units > 0, "Nhập các đơn vị trong Giới thiệu (dùng chung cho hai ngôn ngữ)."));
                }));
    }
}
