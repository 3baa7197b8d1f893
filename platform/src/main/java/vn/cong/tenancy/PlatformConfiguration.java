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
 * @param publicScheme   scheme of the links the platform writes ({@link PublicLinks})
 * @param publicPort     port of those links; 0: the port the server listens on
 */
@ConfigurationProperties("cong")
public record PlatformConfiguration(
        @Bindable(defaultValue = "most.localhost") String baseDomain,
        @Bindable(defaultValue = "") List<String> trustedProxies,
        @Nullable Path tenantsDir,
        @Bindable(defaultValue = "http") String publicScheme,
        @Bindable(defaultValue = "0") int publicPort) {

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
