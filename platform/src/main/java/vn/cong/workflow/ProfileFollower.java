package vn.cong.workflow;

import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.util.Map;

/**
 * Something outside the editorial workflow that follows a tenant's regulation profile (the backup schedule
 * follows {@link ProfileValue#BACKUP_FREQUENCY}). Told after each change of the profile has committed, with
 * every value as it now stands; a follower's failure is logged, never undoes the change.
 */
public interface ProfileFollower {

    Mono<Void> profileChanged(Tenant tenant, Map<ProfileValue, String> values);
}
