package vn.cong.tenancy;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * The one place absolute links are written (e-mails, set-password links, links between portals, the
 * status page, the console): the tenant's registered primary host, {@code cong.public-scheme} and the
 * public port, never anything from the request, so a forged Host header cannot end up in a link.
 * The public port is {@code cong.public-port} when set, else the port the server really listens on
 * (also when it was given with {@code MICRONAUT_SERVER_PORT} or is random); 80 for http and 443 for
 * https are left out.
 */
@Singleton
public class PublicLinks {

    private final PlatformConfiguration config;
    private final TenantRegistry registry;
    private final int configuredServerPort;
    private volatile int listeningPort;

    PublicLinks(PlatformConfiguration config, TenantRegistry registry,
                @Value("${micronaut.server.port:8080}") int configuredServerPort) {
        this.config = config;
        this.registry = registry;
        this.configuredServerPort = configuredServerPort;
    }

    @EventListener
    void serverStarted(ServerStartupEvent event) {
        listeningPort = event.getSource().getPort();
    }

    /** {@code scheme://host[:port]} of a host of this platform. */
    public String origin(String host) {
        int port = port();
        String scheme = config.publicScheme();
        boolean defaultPort = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** An absolute link to {@code path} (starting with {@code /}) on the tenant's primary host. */
    public String tenant(Tenant tenant, String path) {
        return origin(registry.primaryHost(tenant)) + path;
    }

    /** An absolute link to {@code path} on the operator host {@code admin.<base>}. */
    public String operator(String path) {
        return origin(config.operatorHost()) + path;
    }

    int port() {
        if (config.publicPort() > 0) {
            return config.publicPort();
        }
        if (listeningPort > 0) {
            return listeningPort;
        }
        // not serving (the command line): the configured server port
        return configuredServerPort > 0 ? configuredServerPort : 8080;
    }
}
