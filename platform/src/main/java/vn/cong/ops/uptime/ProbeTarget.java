package vn.cong.ops.uptime;

import io.micronaut.core.annotation.Nullable;

/**
 * Something the monitor probes: a tenant's portal (through the platform's real HTTP path, with its
 * host name) or an independent member site given by URL.
 */
public record ProbeTarget(String key, @Nullable String tenantCode, String url, @Nullable String hostHeader) {

    public static ProbeTarget tenant(String code, String selfUrl, String host) {
        return new ProbeTarget("tenant:" + code, code, selfUrl + "/", host);
    }

    public static ProbeTarget linkedSite(long id, String parentCode, String url) {
        return new ProbeTarget("site:" + id, parentCode, url, null);
    }
}
