package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantTx;

/**
 * What another feature does when one of its items moves in the workflow (e.g. the Q&A desk publishes a question once
 * the workflow publishes its answer). Every bean of this type is told of every step, inside the step's transaction with
 * the item locked, after the new state is written; a bean acts only on the kinds it owns. A bean must not depend on the
 * workflow's steps (they depend on it).
 */
public interface ItemOutcomes {

    /**
     * @param item       the item as it was before the step (its kind, title, language)
     * @param to         the state it moved to
     * @param actorId    who took the step (null: a job)
     * @param comment    the step's comment (a rejection's free text)
     * @param reasonCode a rejection's reason code, else null
     */
    Mono<Void> after(TenantTx c, Tenant tenant, WorkItem item, ItemState to, @Nullable Long actorId, @Nullable String comment,
                     @Nullable String reasonCode);
}
