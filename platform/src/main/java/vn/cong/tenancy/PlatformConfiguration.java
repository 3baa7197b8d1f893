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
 * @param publicScheme   scheme of the links the platform writes into e-mails and logs
 * @param publicPort     port of those links (80 and 443 are left out)
 */
@ConfigurationProperties("cong")
public record PlatformConfiguration(
        @Bindable(defaultValue = "most.localhost") String baseDomain,
        @Bindable(defaultValue = "") List<String> trustedProxies,
        @Nullable Path tenantsDir,
        @Bindable(defaultValue = "http") String publicScheme,
        @Bindable(defaultValue = "8080") int publicPort) {

    /** {@code scheme://host[:port]} for links to a host of this platform. */
    public String publicUrl(String host) {
        boolean defaultPort = publicPort == 80 && publicScheme.equals("http") || publicPort == 443 && publicScheme.equals("https");
        return publicScheme + "://" + host + (defaultPort ? "" : ":" + publicPort);
    }

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
