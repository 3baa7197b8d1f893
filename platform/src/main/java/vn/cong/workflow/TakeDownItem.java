package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.time.LocalDate;
import java.util.Set;

/**
 * Takes a published item down (gỡ bỏ): decided by the deputy head or head of the board, who and why
 * kept in the event log [000 Đ12.2; 003 Đ12.5]. Its public address then answers 410. Inside the item's
 * retention period [001 Đ13] only the head may, giving the legal basis: that takedown is recorded as a
 * retention override, which the board's archive page lists.
 */
@Singleton
public class TakeDownItem {

    private final Transitions transitions;
    private final Retention retention;

    TakeDownItem(Transitions transitions, Retention retention) {
        this.transitions = transitions;
        this.retention = retention;
    }

    /** The ordinary takedown, refused while the item is held online. */
    public Mono<Outcome> takeDown(Tenant tenant, long itemId, int version, Actor actor, String reason) {
        String why;
        try {
            why = Guards.required(reason, "reason", "Hãy ghi lý do gỡ bỏ (ví dụ: không còn phù hợp về thời điểm, sai sự thật).");
        } catch (SubmissionRejected e) {
            return Mono.error(e);
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "gỡ bỏ", ItemState.PUBLISHED);
            Guards.role(actor, sit.policy().takedownRoles(), "quyết định gỡ bỏ tin bài");
            return retention.refuseWhileHeld(sit.c(), itemId, "gỡ bỏ").thenReturn(Change.to(ItemState.TAKEN_DOWN, "take_down", why,
                    Notice.toRoles(sit.policy().editorRoles(), "Tin bài đã bị gỡ bỏ")));
        });
    }

    /**
     * The head's takedown with a legal basis (a court ruling, an inspection conclusion, a competent
     * authority's request): allowed inside the retention period, and then recorded as an override.
     */
    public Mono<Outcome> takeDownWithLegalBasis(Tenant tenant, long itemId, int version, Actor actor, String legalBasis) {
        String basis;
        try {
            basis = Guards.required(legalBasis, "text", "Hãy ghi căn cứ pháp lý của việc gỡ bỏ (văn bản, số, ngày, cơ quan yêu cầu).");
        } catch (SubmissionRejected e) {
            return Mono.error(e);
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            Guards.state(sit.item(), "gỡ bỏ", ItemState.PUBLISHED);
            Guards.role(actor, Set.of(Role.HEAD), "gỡ bỏ tin bài theo căn cứ pháp lý");
            return retention.hold(sit.c(), itemId).flatMap(hold -> hold.isEmpty() ? Mono.just(0L)
                            : sit.c().update("""
                                    INSERT INTO retention_overrides (item_id, decided_by, legal_basis, retained_until) VALUES ($1, $2, $3, $4)""",
                            itemId, actor.id(), basis, Sql.orNull(hold.get().until(), LocalDate.class)))
                    .thenReturn(Change.to(ItemState.TAKEN_DOWN, "take_down_legal", "Căn cứ pháp lý: " + basis,
                            Notice.toRoles(Set.of(Role.DEPUTY_HEAD, Role.HEAD), "Tin bài đã được Trưởng ban gỡ bỏ theo căn cứ pháp lý")));
        });
    }
}
