package vn.cong.ops.backup;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.ProfileFollower;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationProfiles;

import java.util.Map;

/**
 * The backup schedule follows the tenant's regulation profile ({@link ProfileValue#BACKUP_FREQUENCY}: MOST and
 * MOHA twice a week, Hải Phòng daily, or what the tenant admin chose) unless the operator set one explicitly.
 * Precedence: the operator's schedule (console, API) over the profile's frequency over the platform's twice a week.
 */
@Singleton
class BackupFrequencies implements ProfileFollower {

    // the profiles tell their followers (this) of each change: reached lazily, as they hold the followers
    private final BeanProvider<RegulationProfiles> profiles;
    private final BeanProvider<BackupScheduler> scheduler;

    BackupFrequencies(BeanProvider<RegulationProfiles> profiles, BeanProvider<BackupScheduler> scheduler) {
        this.profiles = profiles;
        this.scheduler = scheduler;
    }

    /** The cron the tenant's profile asks for. */
    Mono<String> cronOf(Tenant tenant) {
        return profiles.get().profile(tenant).map(p -> BackupSchedulePreset.forFrequency(p.values().get(ProfileValue.BACKUP_FREQUENCY)).cron());
    }

    @Override
    public Mono<Void> profileChanged(Tenant tenant, Map<ProfileValue, String> values) {
        return scheduler.get().followProfile(tenant, BackupSchedulePreset.forFrequency(values.get(ProfileValue.BACKUP_FREQUENCY)).cron());
    }
}
