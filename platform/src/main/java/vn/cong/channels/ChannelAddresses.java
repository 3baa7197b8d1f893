package vn.cong.channels;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.IpNetwork;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Where a webhook may point: an absolute http(s) address whose host resolves only to public addresses. Loopback,
 * private (RFC 1918, unique-local), link-local, carrier-grade NAT, unspecified and multicast addresses are refused
 * unless the operator allowed their network ({@code cong.channels.allowed-networks}): the platform must not be
 * made to call its own database, Redis or a cloud metadata service. Checked when the address is saved and again
 * on every delivery (a name may resolve elsewhere later). Name resolution blocks, so it runs on the bounded
 * {@code channels} executor.
 */
@Singleton
public class ChannelAddresses {

    private static final List<IpNetwork> NOT_PUBLIC = List.of(IpNetwork.parse("0.0.0.0/8"), IpNetwork.parse("100.64.0.0/10"),
            IpNetwork.parse("192.0.0.0/24"), IpNetwork.parse("198.18.0.0/15"), IpNetwork.parse("240.0.0.0/4"),
            IpNetwork.parse("fc00::/7"), IpNetwork.parse("64:ff9b::/96"));

    private final List<IpNetwork> allowed;
    private final Scheduler scheduler;

    ChannelAddresses(ChannelsConfiguration config, @Named("channels") ExecutorService executor) {
        this.allowed = config.allowed().stream().map(IpNetwork::parse).toList();
        this.scheduler = Schedulers.fromExecutorService(executor, "channels");
    }

    /** Why {@code url} may not be called (a Vietnamese sentence for the tenant admin), or empty when it may. */
    public Mono<Optional<String>> problem(String url) {
        return problem(url, allowed);
    }

    /**
     * As {@link #problem(String)}, with the caller's own allowed networks: other outbound fetches (the WordPress
     * import's media downloads) apply the same rule under their own operator setting.
     */
    public Mono<Optional<String>> problem(String url, List<IpNetwork> allowedHere) {
        return Mono.fromCallable(() -> check(url, allowedHere)).subscribeOn(scheduler);
    }

    private static Optional<String> check(String url, List<IpNetwork> allowed) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("Địa chỉ không hợp lệ. Ví dụ: https://enetviet.example.vn/webhook.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("Địa chỉ phải bắt đầu bằng https:// (hoặc http://), có tên máy chủ và không kèm tên đăng nhập.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("Không tìm thấy máy chủ «" + uri.getHost() + "».");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(n -> n.contains(address))) {
                return Optional.of("Máy chủ «" + uri.getHost() + "» là địa chỉ nội bộ (" + address.getHostAddress()
                        + "): cổng không kết nối tới mạng nội bộ, loopback hay link-local. Nếu cần, bộ phận vận hành cho phép mạng này.");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        return !(a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || NOT_PUBLIC.stream().anyMatch(n -> n.contains(a)));
    }
}
