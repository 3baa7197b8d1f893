package vn.cong.federation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;

import java.util.Map;

/**
 * Saves a tenant's federation choices ({@link MinistryFederation}) in the tenant's own transaction, with its audit
 * record, and announces the change: a member's choice changes its root's search scope and home; a root's block
 * size changes its own home. {@code actorId} is the portal's staff member; null for the demo loader.
 */
@Singleton
public class FederationChoices {

    private final PublicChanges changes;
    private final MinistryFederation federation;
    private final AuditLog audit;

    FederationChoices(PublicChanges changes, MinistryFederation federation, AuditLog audit) {
        this.changes = changes;
        this.federation = federation;
        this.audit = audit;
    }

    /** A member portal joins or leaves the ministry-wide search and the ministry's news block. */
    public Mono<Void> saveMember(Tenant member, boolean inSearch, boolean inNews, @Nullable Long actorId) {
        if (member.isMinistry()) {
            return Mono.error(new IllegalStateException(member.code() + " is a root portal, not a member"));
        }
        return changes.inTenant(member, (c, change) -> federation.saveMember(c, inSearch, inNews)
                .then(audit.record(c, actorId, "federation.member", Map.of("inMinistrySearch", inSearch, "inMinistryNews", inNews)))
                .then(change.pagesOfTenantAndParent(member.code()))).then();
    }

    /** The root portal's news block: {@code size} items, 0 for none. */
    public Mono<Void> saveNewsBlock(Tenant root, int size, @Nullable Long actorId) {
        if (!root.isMinistry()) {
            return Mono.error(new IllegalStateException(root.code() + " is a member portal, not a root"));
        }
        return changes.inTenant(root, (c, change) -> federation.saveNewsBlock(c, size)
                .then(audit.record(c, actorId, "federation.newsBlock", Map.of("size", size)))
                .then(change.pagesOf(root))).then();
    }
}
