package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

/** Whether a staff member wants the notifications by e-mail too (the default) or only in the app. */
@Singleton
public class NotificationPreferences {

    private final TenantDatabase db;

    public NotificationPreferences(TenantDatabase db) {
        this.db = db;
    }

    public Mono<Boolean> wantsEmail(Tenant tenant, long accountId) {
        return db.mono(tenant, c -> c.one("SELECT email FROM notification_preferences WHERE account_id = $1",
                        r -> Boolean.TRUE.equals(r.get(0, Boolean.class)), accountId))
                .defaultIfEmpty(true);
    }

    public Mono<Long> setEmail(Tenant tenant, long accountId, boolean wanted) {
        return db.mono(tenant, c -> c.update("""
                INSERT INTO notification_preferences (account_id, email) VALUES ($1, $2)
                ON CONFLICT (account_id) DO UPDATE SET email = excluded.email, updated_at = now()""", accountId, wanted));
    }
}
