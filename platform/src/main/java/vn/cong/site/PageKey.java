package vn.cong.site;

import vn.cong.tenancy.Tenant;

/**
 * What a cached page depends on: tenant, its content version (publishing moves it, so no purge is
 * ever needed), theme, language, the origin links are written for, and the canonical path with its
 * query. Two tenants never share an entry, whatever their paths.
 */
public record PageKey(String tenant, long contentVersion, String theme, String lang, String origin, String path) {

    public static PageKey of(Tenant tenant, String lang, Origin origin, String path) {
        return new PageKey(tenant.code(), tenant.contentVersion(), tenant.theme(), lang, origin.portSuffix(), path);
    }

    /** The cache key string (the Redis key after the configured prefix). */
    public String value() {
        return tenant + "|" + contentVersion + "|" + theme + "|" + lang + "|" + origin + "|" + path;
    }
}
