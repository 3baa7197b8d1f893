package vn.cong.content.classification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.ContentNotFound;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and sets an item's classification (origin, topic, genre) from the staff item page and the workflow API. It is
 * not public content (the fingerprint does not cover it), so it changes without a workflow step; each change is in
 * the audit log.
 */
@Singleton
public class Classifications {

    private final TenantDatabase db;
    private final AuditLog audit;

    public Classifications(TenantDatabase db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Mono<Classification> of(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> Classification.of(c, itemId)).switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)));
    }

    /** Replaces the item's classification; refused (field → message) for an unknown code or a topic not in the list. */
    public Mono<Classification> set(Tenant tenant, long itemId, @Nullable Long actorId, Classification k) {
        Map<String, String> problems = new LinkedHashMap<>(k.problems());
        if (!problems.isEmpty()) {
            return Mono.error(new ClassificationRejected(problems));
        }
        return db.mono(tenant, c -> Classification.of(c, itemId)
                .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                .flatMap(before -> (k.topicId() == null ? Mono.just(1L)
                        : c.one("SELECT count(*) FROM item_topics WHERE id = $1", r -> r.get(0, Long.class), k.topicId()))
                        .flatMap(found -> {
                            if (found == 0) {
                                return Mono.error(new ClassificationRejected(Map.of("topic", "Chủ đề đã chọn không có trong danh sách chủ đề của cổng.")));
                            }
                            Classification after = k.normalised();
                            if (after.equals(before)) {
                                return Mono.just(after);
                            }
                            Map<String, Object> details = new HashMap<>();
                            details.put("item", itemId);
                            details.put("origin", after.origin() == null ? "" : after.origin());
                            details.put("topic", after.topicId() == null ? 0 : after.topicId());
                            details.put("genre", after.genre() == null ? "" : after.genre());
                            return after.save(c, itemId).then(audit.record(c, actorId, "item.classified", details)).thenReturn(after);
                        })));
    }
}
