package vn.cong.site;

import vn.cong.tenancy.Tenant;

/**
 * What a cached page depends on: tenant, its content version (publishing moves it, so no purge is
 * ever needed), theme, language, and the canonical path with its query. Nothing of the request's
 * Host header is part of it: absolute links come from {@link vn.cong.tenancy.PublicLinks}. Two tenants never share an entry, whatever their paths.
 */
public record PageKey(String tenant, long contentVersion, String theme, String lang, String path) {

    public static PageKey of(Tenant tenant, String lang, String path) {
        return new PageKey(tenant.code(), tenant.contentVersion(), tenant.theme(), lang, path);
    }

    /** The cache key string (the Redis key after the configured prefix). */
    public String value() {
        return tenant + "|" + contentVersion + "|" + theme + "|" + lang + "|" + path;
    }
}
