package vn.cong.site;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.ProfileFollower;
import vn.cong.workflow.ProfileValue;

import java.util.Map;

/**
 * Item pages print the reuse notice of the tenant's profile ({@link ReuseNotice}): when the profile changes,
 * the tenant's pages are rendered afresh on every node (its content version moves).
 */
@Singleton
class ProfilePages implements ProfileFollower {

    private final PublicChanges changes;

    ProfilePages(PublicChanges changes) {
        this.changes = changes;
    }

    @Override
    public Mono<Void> profileChanged(Tenant tenant, Map<ProfileValue, String> values) {
        return changes.inTenant(tenant, (c, change) -> change.pagesOf(tenant)).then();
    }
}
