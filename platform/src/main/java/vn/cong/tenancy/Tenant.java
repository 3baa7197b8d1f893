package vn.cong.tenancy;

import vn.cong.system.StoredCode;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A portal hosted on the platform: the ministry's or a member unit's. Every tenant-scoped lookup
 * takes one of these first, so forgetting the tenant does not compile. {@code settings} is the tenant's
 * {@code platform.tenants.settings} JSON as text (a backup carries it, so a restore gives it back).
 */
public record Tenant(
        String code,
        String nameVi,
        String nameEn,
        String abbreviation,
        @Nullable String parentCode,
        String schema,
        String theme,
        TenantStatus status,
        @Nullable String statusNotice,
        MigrationStatus migrationStatus,
        long contentVersion,
        List<String> aliases,
        String settings,
        @Nullable String domain,
        @Nullable GoverningBody governingBody,
        TenantLimits limits,
        String database,
        @Nullable String movingTo) {

    /** The platform's own database, where every tenant lived before clusters (platform.database_clusters). */
    public static final String DEFAULT_DATABASE = "default";

    public static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{1,30}$");
    private static final Pattern SCHEMA = Pattern.compile("^t_[a-z][a-z0-9_]{1,30}$");

    public Tenant {
        if (!SCHEMA.matcher(schema).matches()) {
            // the schema name ends up in SQL: only names of our own making get that far
            throw new IllegalArgumentException("Invalid tenant schema name: " + schema);
        }
        aliases = List.copyOf(aliases);
        limits = limits == null ? TenantLimits.NONE : limits;
        database = database == null ? DEFAULT_DATABASE : database;
    }

    /** A tenant on the platform's own database. */
    public Tenant(String code, String nameVi, String nameEn, String abbreviation, @Nullable String parentCode, String schema,
                  String theme, TenantStatus status, @Nullable String statusNotice, MigrationStatus migrationStatus,
                  long contentVersion, List<String> aliases, String settings, @Nullable String domain,
                  @Nullable GoverningBody governingBody, TenantLimits limits) {
        this(code, nameVi, nameEn, abbreviation, parentCode, schema, theme, status, statusNotice, migrationStatus,
                contentVersion, aliases, settings, domain, governingBody, limits, DEFAULT_DATABASE, null);
    }

    /** Being moved to another database: writes answer 503 with Retry-After until the move ends. */
    public boolean moving() {
        return movingTo != null;
    }

    /** A tenant as the registry held it before limits were set by the operator. */
    public Tenant(String code, String nameVi, String nameEn, String abbreviation, @Nullable String parentCode, String schema,
                  String theme, TenantStatus status, @Nullable String statusNotice, MigrationStatus migrationStatus,
                  long contentVersion, List<String> aliases, String settings, @Nullable String domain,
                  @Nullable GoverningBody governingBody) {
        this(code, nameVi, nameEn, abbreviation, parentCode, schema, theme, status, statusNotice, migrationStatus,
                contentVersion, aliases, settings, domain, governingBody, TenantLimits.NONE);
    }

    /** A tenant on the configured base domain whose governing body is its parent portal. */
    public Tenant(String code, String nameVi, String nameEn, String abbreviation, @Nullable String parentCode, String schema,
                  String theme, TenantStatus status, @Nullable String statusNotice, MigrationStatus migrationStatus,
                  long contentVersion, List<String> aliases, String settings) {
        this(code, nameVi, nameEn, abbreviation, parentCode, schema, theme, status, statusNotice, migrationStatus,
                contentVersion, aliases, settings, null, null, TenantLimits.NONE);
    }

    /**
     * The governing body (cơ quan chủ quản) a portal names in its footer when it is not the parent
     * portal on the platform: a provincial department names its province.
     */
    public record GoverningBody(String nameVi, String nameEn, @Nullable String url) {

        public String name(String lang) {
            return "en".equals(lang) ? nameEn : nameVi;
        }
    }

    public static String schemaFor(String code) {
        return "t_" + code;
    }

    public boolean isMinistry() {
        return parentCode == null;
    }

    public boolean isServing() {
        return status == TenantStatus.ACTIVE && migrationStatus != MigrationStatus.FAILED && migrationStatus != MigrationStatus.MISSING
                && migrationStatus != MigrationStatus.UPGRADING;
    }

    /** Its schema was migrated once and is gone: 503 (cached pages aside) until a backup is restored. */
    public boolean schemaMissing() {
        return migrationStatus == MigrationStatus.MISSING;
    }

    /** This node is bringing its schema to the current release ({@link TenantSchemaUpgrade}): cached pages only, meanwhile. */
    public boolean upgrading() {
        return migrationStatus == MigrationStatus.UPGRADING;
    }

    /**
     * Its schema cannot be read now, lost or being upgraded: cached pages are still served to readers, everything else
     * answers the 503 notice ({@link UnavailableNotice#of}) without touching the database.
     */
    public boolean readsFromCacheOnly() {
        return schemaMissing() || upgrading();
    }

    /** The same tenant with another migration status (this node's view while it upgrades the schema). */
    Tenant withMigrationStatus(MigrationStatus newStatus) {
        return new Tenant(code, nameVi, nameEn, abbreviation, parentCode, schema, theme, status, statusNotice, newStatus,
                contentVersion, aliases, settings, domain, governingBody, limits, database, movingTo);
    }

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameVi;
    }

    public enum TenantStatus implements StoredCode {
        REQUESTED, ACTIVE, SUSPENDED, MERGED, ARCHIVED;

        public static TenantStatus of(String db) {
            return StoredCode.of(TenantStatus.class, db);
        }
    }

    /**
     * {@code UPGRADING} is never stored: it is one node's view of a tenant whose schema it is migrating after start-up
     * ({@link TenantRegistry#upgrading}); the row keeps its stored status, which other nodes go on reading.
     */
    public enum MigrationStatus implements StoredCode {
        PENDING, OK, FAILED, MISSING, UPGRADING;

        public static MigrationStatus of(String db) {
            return StoredCode.of(MigrationStatus.class, db);
        }
    }
}
