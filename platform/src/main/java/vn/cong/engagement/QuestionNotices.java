package vn.cong.engagement;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.tenancy.TenantTx;

/**
 * In-app notifications about questions to the desk and to the units' staff. Each row written to
 * {@code notifications} also goes out by e-mail through the outbox (the trigger of tenant migration V170, handled by
 * {@code NotificationEmails}), to staff who have not turned e-mail off.
 */
@Singleton
public class QuestionNotices {

    /** Everyone active at the Q&A desk. */
    public Mono<Long> toDesk(TenantTx c, String message) {
        return c.update("INSERT INTO notifications (account_id, message) SELECT id, $1 FROM accounts WHERE status = 'active' AND $2 = ANY (roles)",
                message, Role.QA_DESK.db());
    }

    /** The unit's focal point and every active account of the unit. */
    public Mono<Long> toUnit(TenantTx c, long unitId, String message) {
        return c.update("""
                INSERT INTO notifications (account_id, message)
                SELECT a.id, $2 FROM accounts a WHERE a.status = 'active'
                  AND (a.unit_id = $1 OR a.id = (SELECT focal_account_id FROM org_units WHERE id = $1))""", unitId, message);
    }
}
