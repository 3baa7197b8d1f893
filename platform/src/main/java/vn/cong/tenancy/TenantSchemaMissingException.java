package vn.cong.tenancy;

/** The tenant's schema is not in the database: it was dropped or lost, and must be restored from a backup. */
public class TenantSchemaMissingException extends TenantUnavailableException {

    private final String tenantCode;

    public TenantSchemaMissingException(Tenant tenant) {
        super("Schema " + tenant.schema() + " of tenant " + tenant.code() + " is missing", null);
        this.tenantCode = tenant.code();
    }

    public String tenantCode() {
        return tenantCode;
    }
}
