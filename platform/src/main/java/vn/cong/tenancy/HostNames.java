package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a Host header into the form the registry is keyed by: lower case, no port, ASCII (IDN).
 * Anything that is not a host name or IP literal with an optional valid port (user info such as
 * {@code nasati.most.localhost:8082@evil.example}, a path, spaces, a port that is not 1–65535) is
 * no host at all, so it can never resolve to a tenant.
 */
public final class HostNames {

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern ASCII_HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+");
    private static final String NEVER_IN_A_HOST = "@/\\?#%\"'<>`{}|^[]";

    private HostNames() {
    }

    public static Optional<String> normalize(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String host = header.strip();
        int comma = host.indexOf(',');
        if (comma >= 0) {
            host = host.substring(0, comma).strip(); // X-Forwarded-Host may list several: the first is the client's
        }
        if (host.startsWith("[")) {
            return ipv6(host);
        }
        if (!host.chars().allMatch(HostNames::mayBeInAName)) {
            return Optional.empty();
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            if (!validPort(host.substring(colon + 1))) {
                return Optional.empty();
            }
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ASCII_HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }

    /** {@code [address]} or {@code [address]:port}. */
    private static Optional<String> ipv6(String host) {
        int end = host.indexOf(']');
        if (end < 0) {
            return Optional.empty();
        }
        String rest = host.substring(end + 1);
        if (!rest.isEmpty() && !(rest.startsWith(":") && validPort(rest.substring(1)))) {
            return Optional.empty();
        }
        String address = host.substring(1, end).toLowerCase(Locale.ROOT);
        return IPV6_LITERAL.matcher(address).matches() ? Optional.of("[" + address + "]") : Optional.empty();
    }

    private static boolean mayBeInAName(int c) {
        return !Character.isWhitespace(c) && !Character.isISOControl(c) && NEVER_IN_A_HOST.indexOf(c) < 0;
    }

    private static boolean validPort(String port) {
        if (!PORT.matcher(port).matches()) {
            return false;
        }
        int n = Integer.parseInt(port);
        return n >= 1 && n <= 65535;
    }
}
