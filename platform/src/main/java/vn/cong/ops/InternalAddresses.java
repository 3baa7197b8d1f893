package vn.cong.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.cong.tenancy.PlatformConfiguration;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The networks whose requests may see the node's details ({@code cong.internal-addresses}, CIDR):
 * health details and metrics. A request is judged by the address it came from; one that says it
 * was forwarded (X-Forwarded-For, Forwarded) counts only when a trusted proxy forwarded it and the
 * client the proxy names is internal, so a reverse proxy on the same machine does not make every
 * visitor "internal".
 */
@Singleton
public class InternalAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Network> networks;
    private final Set<String> trustedProxies;

    InternalAddresses(@Value("${cong.internal-addresses:`127.0.0.1/32,::1/128`}") List<String> cidrs,
                      PlatformConfiguration platform) {
        this.networks = cidrs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Network::parse).toList();
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
        InetAddress client = literal(hops[hops.length - 1].strip());
        return client != null && contains(client);
    }

    boolean contains(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    /** An IP literal, never a name: parsing must not trigger a DNS lookup. */
    @Nullable
    static InetAddress literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One CIDR block, e.g. {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a block of one. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("cong.internal-addresses: not an IP address or CIDR block: " + cidr);
            }
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cong.internal-addresses: bad prefix length in " + cidr);
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("cong.internal-addresses: bad prefix length in " + cidr);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((candidate[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
