package vn.cong.tenancy;

/**
 * Work for a tenant whose schema this node is still bringing to the current release after start-up
 * ({@link TenantSchemaUpgrade}): refused before any statement reaches the schema (the code is newer than the tables),
 * a 503 with the upgrade notice and {@code Retry-After} ({@link UnavailableNotice#upgrading}).
 */
public class TenantUpgradingException extends TenantUnavailableException {

    public TenantUpgradingException(Tenant tenant) {
        super("The schema of tenant " + tenant.code() + " is being migrated to this release; its data is unavailable until it is done", null);
    }
}
