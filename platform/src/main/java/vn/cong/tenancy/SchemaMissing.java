package vn.cong.tenancy;

/**
 * Event: a tenant whose schema had been migrated was found without it (at start-up, on a request,
 * or when its manifest was applied again). Published once, when the tenant is marked {@code missing}.
 */
public record SchemaMissing(String tenantCode, String schema, String foundBy) {
}
