package vn.cong.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.cong.system.IpNetwork;
import vn.cong.tenancy.PlatformConfiguration;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/**
 * The networks whose requests may see the node's details ({@code cong.internal-addresses}, CIDR):
 * health details and metrics. A request is judged by the address it came from; one that says it
 * was forwarded (X-Forwarded-For, Forwarded) counts only when a trusted proxy forwarded it and the
 * client the proxy names is internal, so a reverse proxy on the same machine does not make every
 * visitor "internal".
 */
@Singleton
public class InternalAddresses {

    private final List<IpNetwork> networks;
    private final Set<String> trustedProxies;

    InternalAddresses(@Value("${cong.internal-addresses:`127.0.0.1/32,::1/128`}") List<String> cidrs,
                      PlatformConfiguration platform) {
        this.networks = cidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(InternalAddresses::network).toList();
        this.trustedProxies = Set.copyOf(platform.trustedProxies());
    }

    public boolean isInternal(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return false;
        }
        String forwardedFor = request.getHeaders().get("X-Forwarded-For");
        if (forwardedFor == null && !request.getHeaders().contains("Forwarded")) {
            return contains(remote.getAddress());
        }
        if (forwardedFor == null || !trustedProxies.contains(remote.getAddress().getHostAddress())) {
            return false;
        }
        String[] hops = forwardedFor.split(",");
        InetAddress client = IpNetwork.literal(hops[hops.length - 1].strip());
        return client != null && contains(client);
    }

    boolean contains(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    private static IpNetwork network(String cidr) {
        try {
            return IpNetwork.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cong.internal-addresses: " + e.getMessage(), e);
        }
    }
}
