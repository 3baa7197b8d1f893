package vn.cong.site;

import io.micronaut.http.HttpRequest;

/**
 * How links to other portals on the platform are written: {@code http://<host>} plus the port the
 * request came in on when it is not 80 or 443, so local runs on :8080 link to each other. It is
 * part of the page cache key because it changes the page.
 */
public record Origin(String portSuffix) {

    public static final Origin DEFAULT = new Origin("");

    public static Origin of(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host");
        if (host == null) {
            return DEFAULT;
        }
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.indexOf(']', colon) >= 0) {
            return DEFAULT;
        }
        String port = host.substring(colon + 1).trim();
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                || port.equals("80") || port.equals("443")) {
            return DEFAULT;
        }
        return new Origin(":" + Integer.parseInt(port));
    }

    public String url(String host, String path) {
        return "http://" + host + portSuffix + path;
    }
}
