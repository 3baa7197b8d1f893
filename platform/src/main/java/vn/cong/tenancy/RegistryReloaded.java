package vn.cong.tenancy;

/**
 * Published on a node each time its tenant registry reloaded (a change announced through
 * {@link PublicChanges}, at once here and on the other nodes through the nudge or their poll), so that
 * other platform-wide data held in memory can follow the same way.
 */
public record RegistryReloaded(long version) {
}
