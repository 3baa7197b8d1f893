package vn.cong.ops.integrity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.List;

/**
 * Verifies a tenant's workflow event log as a hash chain: recomputes every event's hash with the
 * same SQL function the insert trigger uses and walks the chain (see {@link ChainWalk}).
 */
@Singleton
class EventChainCheck {

    /** Events walked, what was found, and the chain's end when it verified clean. */
    record Result(long eventsChecked, List<IntegrityFinding> findings, @Nullable ChainAnchor cleanEnd) {
    }

    private final TenantDatabase db;

    EventChainCheck(TenantDatabase db) {
        this.db = db;
    }

    Mono<Result> verify(Tenant tenant, @Nullable ChainAnchor anchor) {
        ChainWalk walk = new ChainWalk(tenant.code(), anchor);
        long[] head = {0};
        String[] headHash = {ChainWalk.GENESIS};
        // one statement, so the events and the head record come from the same snapshot
        return db.mono(tenant, c -> c.query("""
                                SELECT false AS is_head, e.id, e.chain_seq, e.prev_hash, e.hash, content_event_hash(e.prev_hash, e) AS recomputed
                                FROM content_events e
                                UNION ALL
                                SELECT true, NULL, h.seq, NULL, h.hash, NULL FROM content_event_chain h
                                ORDER BY is_head, chain_seq""",
                        r -> {
                            if (Boolean.TRUE.equals(r.get("is_head", Boolean.class))) {
                                head[0] = r.get("chain_seq", Long.class);
                                headHash[0] = r.get("hash", String.class);
                            } else {
                                walk.accept(new ChainWalk.Event(r.get("id", Long.class), r.get("chain_seq", Long.class),
                                        r.get("prev_hash", String.class), r.get("hash", String.class), r.get("recomputed", String.class)));
                            }
                            return 1;
                        })
                .then(Mono.fromSupplier(() -> {
                    walk.finish(head[0], headHash[0]);
                    return new Result(walk.events(), walk.findings(), walk.cleanEnd());
                })));
    }
}
