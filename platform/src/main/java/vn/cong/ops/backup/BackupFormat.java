package vn.cong.ops.backup;

/**
 * How a backup holds the tenant's rows. {@link #COPY} (the default): each table of the tenant's schema by COPY, read
 * from that schema alone, so a backup costs the same whether its database holds five schemas or five hundred.
 * {@link #PG_DUMP}: one pg_dump archive ({@code schema.dump}), which reads the whole database's catalogue; backups
 * written before the {@code copy} format (their manifest names no format) are of this kind and still restore.
 */
public enum BackupFormat {
    COPY,
    PG_DUMP;

    /** As a manifest's {@code format} names it; null (older manifests) is {@link #PG_DUMP}. */
    static BackupFormat of(String name) {
        return name == null ? PG_DUMP : valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
