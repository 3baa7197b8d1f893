package vn.cong.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.media.MediaStore;
import vn.cong.tenancy.LimitsConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantLimitSettings;
import vn.cong.tenancy.TenantLimits;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's limits as the operator sees and sets them (API and console): its own values, the platform's
 * defaults, what applies, and the storage its files take now.
 */
@Singleton
public class TenantLimitsOverview {

    private final TenantRegistry registry;
    private final LimitsConfiguration defaults;
    private final MediaStore media;
    private final TenantLimitSettings settings;

    TenantLimitsOverview(TenantRegistry registry, LimitsConfiguration defaults, MediaStore media, TenantLimitSettings settings) {
        this.registry = registry;
        this.defaults = defaults;
        this.media = media;
        this.settings = settings;
    }

    @Serdeable
    public record LimitsView(String code, TenantLimits own, TenantLimits defaults, TenantLimits applied, long mediaUsedBytes) {
    }

    /** Empty when there is no such serving tenant. */
    public Mono<LimitsView> find(String code) {
        // read from the registry when subscribed, so that a find after a change sees the change
        return Mono.defer(() -> Mono.justOrEmpty(registry.findByCode(code).filter(Tenant::isServing))).flatMap(t -> media.usedBytes(t)
                .map(used -> new LimitsView(t.code(), t.limits(), defaults.defaults(), defaults.of(t), used)));
    }

    /** What is wrong with these values (Vietnamese), empty when they may be set; null values mean the default. */
    public static List<FieldError> check(@Nullable Long requestsPerMinute, @Nullable Long mediaBytes) {
        List<FieldError> errors = new ArrayList<>();
        if (requestsPerMinute != null && (requestsPerMinute < TenantLimitSettings.MIN_REQUESTS_PER_MINUTE || requestsPerMinute > 1_000_000)) {
            errors.add(new FieldError("requestsPerMinute", "Số yêu cầu mỗi phút phải từ " + TenantLimitSettings.MIN_REQUESTS_PER_MINUTE
                    + " đến 1.000.000, hoặc để trống để dùng mức chung của nền tảng."));
        }
        if (mediaBytes != null && mediaBytes < TenantLimitSettings.MIN_MEDIA_BYTES) {
            errors.add(new FieldError("mediaBytes", "Dung lượng lưu trữ tệp phải từ 1 MB trở lên, hoặc để trống để dùng mức chung của nền tảng."));
        }
        return errors;
    }

    /** What the operator audit records of a change. */
    public static java.util.Map<String, Object> auditDetails(@Nullable Long requestsPerMinute, @Nullable Long mediaBytes) {
        java.util.Map<String, Object> details = new java.util.HashMap<>();
        details.put("requestsPerMinute", requestsPerMinute == null ? "default" : requestsPerMinute);
        details.put("mediaBytes", mediaBytes == null ? "default" : mediaBytes);
        return details;
    }

    /** Sets the values (already checked); the limits before, empty without such a tenant. */
    public Mono<Optional<TenantLimits>> set(String code, @Nullable Long requestsPerMinute, @Nullable Long mediaBytes) {
        return settings.set(code, new TenantLimits(requestsPerMinute == null ? null : requestsPerMinute.intValue(), mediaBytes));
    }
}
