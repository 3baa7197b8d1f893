package vn.cong.content.classification;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.ContentNotFound;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;
import vn.cong.system.Sql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
        return set(tenant, itemId, actorId, k, false, null);
    }

    /**
     * Replaces the item's classification and the unit it is credited to, as the edit form sets them (the report counts
     * the item at this unit, else at its submission's); refused (field → message) like {@link #set}, or for a unit that
     * is not the tenant's.
     */
    public Mono<Classification> setWithUnit(Tenant tenant, long itemId, @Nullable Long actorId, Classification k, @Nullable Long unitId) {
        return set(tenant, itemId, actorId, k, true, unitId);
    }

    /** The unit the item is credited to on its edit form, if any. */
    public Mono<Optional<Long>> unitOf(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> c.one("SELECT unit_id FROM content_items WHERE id = $1", r -> Optional.ofNullable(r.get(0, Long.class)), itemId))
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * What is wrong with a classification before anything is saved (the edit form checks it before it saves the text):
     * unknown codes, a topic not in the list or retired (an item keeps a retired topic it has, {@code itemId} null for a
     * new item), a unit that is not the tenant's.
     */
    public Mono<Map<String, String>> problems(Tenant tenant, @Nullable Long itemId, Classification k, @Nullable Long unitId) {
        Map<String, String> problems = new LinkedHashMap<>(k.problems());
        return db.mono(tenant, c -> problems(c, itemId == null ? 0L : itemId, k, unitId, problems).thenReturn(problems));
    }

    private static Mono<Void> problems(TenantTx c, long itemId, Classification k, @Nullable Long unitId, Map<String, String> problems) {
        Mono<Long> topic = k.topicId() == null ? Mono.just(1L) : c.one("""
                        SELECT count(*) FROM item_topics WHERE id = $1
                        AND (retired_at IS NULL OR id = (SELECT topic_id FROM content_items WHERE id = $2))""",
                r -> r.get(0, Long.class), k.topicId(), itemId);
        Mono<Long> unit = unitId == null ? Mono.just(1L)
                : c.one("SELECT count(*) FROM org_units WHERE id = $1", r -> r.get(0, Long.class), unitId);
        return topic.zipWith(unit).doOnNext(t -> {
            if (t.getT1() == 0) {
                problems.put("topic", "Chủ đề đã chọn không có trong danh sách chủ đề đang dùng của cổng.");
            }
            if (t.getT2() == 0) {
                problems.put("unit", "Đơn vị đã chọn không có trong danh sách đơn vị của cổng.");
            }
        }).then();
    }

    private Mono<Classification> set(Tenant tenant, long itemId, @Nullable Long actorId, Classification k, boolean withUnit, @Nullable Long unitId) {
        return db.mono(tenant, c -> Classification.of(c, itemId)
                .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                .flatMap(before -> {
                    Map<String, String> problems = new LinkedHashMap<>(k.problems());
                    return problems(c, itemId, k, withUnit ? unitId : null, problems).then(Mono.defer(() -> {
                        if (!problems.isEmpty()) {
                            return Mono.error(new ClassificationRejected(problems));
                        }
                        Classification after = k.normalised();
                        Mono<Boolean> unitChanged = !withUnit ? Mono.just(false) : c.one("""
                                        UPDATE content_items SET unit_id = $2 WHERE id = $1 AND unit_id IS DISTINCT FROM $2 RETURNING id""",
                                        r -> true, itemId, Sql.orNull(unitId, Long.class)).defaultIfEmpty(false);
                        return unitChanged.flatMap(unitMoved -> {
                            if (after.equals(before) && !unitMoved) {
                                return Mono.just(after);
                            }
                            Map<String, Object> details = new HashMap<>();
                            details.put("item", itemId);
                            details.put("origin", after.origin() == null ? "" : after.origin());
                            details.put("topic", after.topicId() == null ? 0 : after.topicId());
                            details.put("genre", after.genre() == null ? "" : after.genre());
                            if (withUnit) {
                                details.put("unit", unitId == null ? 0 : unitId);
                            }
                            return after.save(c, itemId).then(audit.record(c, actorId, "item.classified", details)).thenReturn(after);
                        });
                    }));
                }));
    }
}
