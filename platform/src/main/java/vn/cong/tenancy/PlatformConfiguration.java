package vn.cong.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the platform lives and how it finds its tenants.
 *
 * @param baseDomain     the ministry's domain: members answer on {@code <abbrev>.<baseDomain>}
 * @param trustedProxies remote addresses whose {@code X-Forwarded-Host} is believed
 * @param tenantsDir     folder of tenant manifests applied at start-up (empty: none)
 */
@ConfigurationProperties("cong")
public record PlatformConfiguration(
        @Bindable(defaultValue = "most.localhost") String baseDomain,
        @Bindable(defaultValue = "") List<String> trustedProxies,
        @Nullable Path tenantsDir) {

    public String operatorHost() {
        return "admin." + baseDomain;
    }

    public String statusHost() {
        return "status." + baseDomain;
    }

    public String ministryHost() {
        return "www." + baseDomain;
    }
}
