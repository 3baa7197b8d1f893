package vn.cong.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sharing an item page as plain links (no third-party script, nothing loaded from Facebook or Zalo until the reader
 * clicks): Facebook's and Zalo's share pages for the page's canonical address, the address itself to copy, and the
 * page's print view. Given to templates as {@code share}.
 */
public record ShareLinks(String url, String facebook, String zalo, String print) {

    static final String FACEBOOK = "https://www.facebook.com/sharer/sharer.php?u=";
    // Zalo's share page (what its share button opens); the one place to change if Zalo moves it
    static final String ZALO = "https://sp.zalo.me/plugins/share?href=";

    /** The links of the page at {@code canonicalUrl} (absolute, on the tenant's primary host), printed at {@code printPath}. */
    static ShareLinks of(String canonicalUrl, String printPath) {
        String encoded = URLEncoder.encode(canonicalUrl, StandardCharsets.UTF_8);
        return new ShareLinks(canonicalUrl, FACEBOOK + encoded, ZALO + encoded, printPath);
    }
}
