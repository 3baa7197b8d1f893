package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/** Turns a Host header into the form the registry is keyed by: lower case, no port, ASCII (IDN). */
public final class HostNames {

    private HostNames() {
    }

    public static Optional<String> normalize(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String host = header.trim();
        int comma = host.indexOf(',');
        if (comma >= 0) {
            host = host.substring(0, comma).trim(); // X-Forwarded-Host may list several: the first is the client's
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? Optional.of(host.substring(0, end + 1).toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
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
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }
}
