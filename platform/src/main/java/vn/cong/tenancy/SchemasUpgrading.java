package vn.cong.tenancy;

import java.util.Set;

/**
 * Published when this node starts migrating, behind its back, the schemas of these tenants ({@link TenantSchemaUpgrade}):
 * until each is done its portal lives on its cached pages, so the page cache keeps them longer than usual.
 */
public record SchemasUpgrading(Set<String> codes) {

    public SchemasUpgrading {
        codes = Set.copyOf(codes);
    }
}
