package vn.cong.content.autosave;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.RichText;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The autosaves of item forms, one per item and account, in the tenant's schema. They are kept apart from
 * revisions on purpose: an autosave has no version, raises no workflow event, is never published, and only its
 * author is offered it back, and only while it is newer than the item's last save.
 */
@Singleton
public class ItemAutosaves {

    /** The most text an autosave keeps (all fields together, in characters); a longer form is refused with 413. */
    public static final int MAX_CHARS = 1_000_000;

    private final TenantDatabase db;
    private final JsonMapper json;

    ItemAutosaves(TenantDatabase db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Keeps {@code fields} (already limited to the form's own names) as {@code accountId}'s autosave of the item,
     * replacing the previous one: rich-text fields through the sanitiser, the others as plain NFC text.
     * Returns when it was kept; empty when the tenant has no such item.
     */
    public Mono<OffsetDateTime> keep(Tenant tenant, long itemId, long accountId, int baseVersion, Map<String, String> fields,
                                     Set<String> richFields) {
        int size = fields.values().stream().mapToInt(v -> v == null ? 0 : v.length()).sum();
        if (size > MAX_CHARS) {
            return Mono.error(new AutosaveRefused(413, "Nội dung quá dài để tự lưu (tối đa " + MAX_CHARS / 1000
                    + " nghìn ký tự). Hãy bấm Lưu để lưu bình thường."));
        }
        Map<String, String> clean = new LinkedHashMap<>();
        fields.forEach((name, value) -> clean.put(name, richFields.contains(name) ? RichText.sanitize(value) : RichText.plain(value)));
        return db.mono(tenant, c -> c.one("""
                        INSERT INTO item_autosaves (item_id, account_id, base_version, fields, saved_at)
                        SELECT id, $2, $3, $4::jsonb, clock_timestamp() FROM content_items WHERE id = $1
                        ON CONFLICT (item_id, account_id) DO UPDATE
                            SET base_version = excluded.base_version, fields = excluded.fields, saved_at = excluded.saved_at
                        RETURNING saved_at""",
                r -> r.get(0, OffsetDateTime.class), itemId, accountId, baseVersion, write(clean)));
    }

    /** An item as the autosave needs it: which form (its kind) and whether it may be changed now (its state). */
    public record Subject(long id, String kind, String state) {
    }

    /** The item {@code itemId} of the tenant; empty when it has none (another tenant's item included). */
    public Mono<Subject> subject(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> c.one("SELECT kind, state FROM content_items WHERE id = $1",
                r -> new Subject(itemId, r.get("kind", String.class), r.get("state", String.class)), itemId));
    }

    /** {@code accountId}'s autosave of the item when it is newer than the item's last save; empty otherwise. */
    public Mono<Autosave> offer(Tenant tenant, long itemId, long accountId) {
        return db.mono(tenant, c -> c.one("""
                        SELECT a.base_version, a.saved_at, a.fields::text AS fields, i.version
                        FROM item_autosaves a JOIN content_items i ON i.id = a.item_id
                        WHERE a.item_id = $1 AND a.account_id = $2 AND a.saved_at > i.updated_at""",
                r -> new Autosave(itemId, r.get("base_version", Integer.class), r.get("saved_at", OffsetDateTime.class),
                        read(r.get("fields", String.class)), r.get("version", Integer.class) > r.get("base_version", Integer.class)),
                itemId, accountId));
    }

    /** The editor chose not to restore it ("Bỏ qua"): it is deleted. */
    public Mono<Long> discard(Tenant tenant, long itemId, long accountId) {
        return db.mono(tenant, c -> clear(c, itemId, accountId));
    }

    /** A normal save by {@code accountId} made the autosave pointless: it goes in the save's own transaction. */
    public static Mono<Long> clear(TenantTx c, long itemId, Long accountId) {
        return accountId == null ? Mono.just(0L)
                : c.update("DELETE FROM item_autosaves WHERE item_id = $1 AND account_id = $2", itemId, accountId);
    }

    /** The autosaved fields as the page hands them to the form's script. */
    public String json(Map<String, String> fields) {
        return write(fields);
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return Optional.ofNullable(json.readValue(text, Argument.mapOf(String.class, String.class))).orElse(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
