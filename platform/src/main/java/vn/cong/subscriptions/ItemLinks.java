package vn.cong.subscriptions;

import jakarta.inject.Singleton;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;

/**
 * The public addresses a subscription's messages carry: an item's page (articles under {@code /bai-viet}, the other kinds
 * under their own list), the form, and the unsubscribe and confirmation links, always on the tenant's registered host.
 */
@Singleton
public class ItemLinks {

    public static final String PATH = "/dang-ky-nhan-tin";

    private final ContentKinds kinds;
    private final PublicLinks links;

    ItemLinks(ContentKinds kinds, PublicLinks links) {
        this.kinds = kinds;
        this.links = links;
    }

    public static String prefix(String lang) {
        return "en".equals(lang) ? "/en" : "";
    }

    public String item(Tenant tenant, String kind, String lang, String slug) {
        String path = "article".equals(kind) ? prefix(lang) + "/bai-viet/" + slug
                : kinds.declaration(kind).map(d -> d.publicUrl(lang, slug)).orElse(prefix(lang) + "/");
        return links.tenant(tenant, path);
    }

    public String unsubscribe(Tenant tenant, String lang, String token) {
        return links.tenant(tenant, prefix(lang) + PATH + "/huy/" + token);
    }

    public String confirm(Tenant tenant, String lang, String token) {
        return links.tenant(tenant, prefix(lang) + PATH + "/xac-nhan/" + token);
    }

    public String form(Tenant tenant, String lang) {
        return links.tenant(tenant, prefix(lang) + PATH);
    }
}
