package vn.cong.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the platform lives and how it finds its tenants.
 *
 * @param baseDomain     the platform's own domain: roots without a {@code domain:} and their members live on it
 * @param trustedProxies remote addresses whose {@code X-Forwarded-Host} is believed
 * @param tenantsDir     folder of tenant manifests applied at start-up (empty: none)
 * @param publicScheme   scheme of the links the platform writes ({@link PublicLinks})
 * @param publicPort     port of those links; 0: the port the server listens on
 * @param operatorHost   the one host of the operator console and API, whatever the roots' domains;
 *                       empty: {@code admin.<baseDomain>}
 */
@ConfigurationProperties("cong")
public record PlatformConfiguration(
        @Bindable(defaultValue = "most.localhost") String baseDomain,
        @Bindable(defaultValue = "") List<String> trustedProxies,
        @Nullable Path tenantsDir,
        @Bindable(defaultValue = "http") String publicScheme,
        @Bindable(defaultValue = "0") int publicPort,
        @Nullable String operatorHost) {

    public String operatorHost() {
        return operatorHost == null || operatorHost.isBlank() ? "admin." + baseDomain : operatorHost.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
