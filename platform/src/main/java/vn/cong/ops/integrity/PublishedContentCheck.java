package vn.cong.ops.integrity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.ops.integrity.IntegrityFinding.Kind;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-hashes every published item of a tenant and compares it with the fingerprint the workflow
 * stored when it published the item, and with the fingerprint and state the workflow's event log
 * recorded. Anything that differs was changed outside the workflow; for content, the report says
 * which fields changed and how.
 */
@Singleton
class PublishedContentCheck {

    /** The published items checked, and what was found. */
    record Result(long itemsChecked, List<IntegrityFinding> findings) {
    }

    private record Suspect(long id, String language, String slug, String title, String state,
                           @Nullable String storedHash, String currentHash, @Nullable String loggedHash,
                           @Nullable String loggedState, @Nullable String snapshot, String fields) {
    }

    private final TenantDatabase db;
    private final JsonMapper json;

    PublishedContentCheck(TenantDatabase db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Result> check(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM content_items WHERE state = 'published'", r -> r.get(0, Long.class))
                .flatMap(count -> c.query("""
                                WITH logged AS (
                                    SELECT DISTINCT ON (item_id) item_id, to_state FROM content_events ORDER BY item_id, chain_seq DESC),
                                logged_hash AS (
                                    SELECT DISTINCT ON (item_id) item_id, content_hash FROM content_events
                                    WHERE content_hash IS NOT NULL ORDER BY item_id, chain_seq DESC),
                                items AS (
                                    SELECT i.*, content_public_fields(i) AS fields FROM content_items i
                                    WHERE i.state = 'published' OR i.id IN (SELECT item_id FROM logged WHERE to_state = 'published')),
                                hashed AS (
                                    SELECT i.*, content_fingerprint(i.fields) AS current_hash, l.to_state AS logged_state,
                                           h.content_hash AS logged_hash
                                    FROM items i LEFT JOIN logged l ON l.item_id = i.id LEFT JOIN logged_hash h ON h.item_id = i.id)
                                SELECT id, language, slug, title, state, published_hash, current_hash, logged_hash, logged_state,
                                       published_snapshot::text AS snapshot, fields::text AS fields
                                FROM hashed
                                WHERE state IS DISTINCT FROM logged_state AND logged_state IS NOT NULL
                                   OR state = 'published' AND (published_hash IS NULL OR published_hash <> current_hash
                                                               OR published_hash <> coalesce(logged_hash, published_hash))
                                ORDER BY id""", PublishedContentCheck::suspect)
                        .collectList()
                        .flatMap(suspects -> c.query("""
                                        SELECT l.item_id FROM (SELECT DISTINCT ON (item_id) item_id, to_state FROM content_events
                                                               ORDER BY item_id, chain_seq DESC) l
                                        WHERE l.to_state = 'published' AND NOT EXISTS (SELECT 1 FROM content_items i WHERE i.id = l.item_id)
                                        ORDER BY l.item_id""", r -> r.get(0, Long.class))
                                .collectList()
                                .map(removed -> new Result(count, findings(tenant.code(), suspects, removed))))));
    }

    private static Suspect suspect(Readable r) {
        return new Suspect(r.get("id", Long.class), r.get("language", String.class), r.get("slug", String.class),
                r.get("title", String.class), r.get("state", String.class), r.get("published_hash", String.class),
                r.get("current_hash", String.class), r.get("logged_hash", String.class), r.get("logged_state", String.class),
                r.get("snapshot", String.class), r.get("fields", String.class));
    }

    private List<IntegrityFinding> findings(String tenant, List<Suspect> suspects, List<Long> removed) {
        List<IntegrityFinding> findings = new ArrayList<>();
        for (Suspect s : suspects) {
            String item = "Tin bài «" + s.title() + "» (" + s.language() + "/" + s.slug() + ", mã " + s.id() + ")";
            boolean published = "published".equals(s.state());
            if (published && s.storedHash() == null) {
                findings.add(IntegrityFinding.item(tenant, Kind.CONTENT_UNFINGERPRINTED, s.id(),
                        item + " đang hiển thị công khai nhưng chưa từng được đăng qua quy trình (không có dấu vân tay).", List.of()));
            } else if (published && !s.storedHash().equals(s.currentHash())) {
                List<FieldChange> changes = PublicFieldDiff.between(map(s.snapshot()), map(s.fields()));
                findings.add(IntegrityFinding.item(tenant, Kind.CONTENT_CHANGED, s.id(),
                        item + " đã bị sửa ngoài quy trình: " + String.join(", ", changes.stream().map(FieldChange::field).toList()) + ".",
                        changes));
            }
            if (published && s.storedHash() != null && s.loggedHash() != null && !s.storedHash().equals(s.loggedHash())) {
                findings.add(IntegrityFinding.item(tenant, Kind.FINGERPRINT_REPLACED, s.id(),
                        item + ": dấu vân tay đang lưu khác dấu vân tay quy trình đã ghi khi đăng bài (bị thay ngoài quy trình).", List.of()));
            }
            if (s.loggedState() != null && !Objects.equals(s.state(), s.loggedState())) {
                findings.add(IntegrityFinding.item(tenant, Kind.STATE_CHANGED, s.id(),
                        item + " đang ở trạng thái «" + s.state() + "» nhưng nhật ký quy trình ghi «" + s.loggedState() + "».", List.of()));
            }
        }
        for (Long id : removed) {
            findings.add(IntegrityFinding.item(tenant, Kind.ITEM_REMOVED, id,
                    "Tin bài mã " + id + " đã đăng theo nhật ký quy trình nhưng không còn trong cơ sở dữ liệu.", List.of()));
        }
        return findings;
    }

    private Map<String, Object> map(@Nullable String jsonText) {
        if (jsonText == null) {
            return Map.of();
        }
        try {
            return json.readValue(jsonText, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable fingerprint snapshot: " + e.getMessage(), e);
        }
    }
}
