package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;

import java.util.HashSet;
import java.util.Set;

/**
 * A correction (đính chính) of a published item on request [000 Đ12.1]: the corrected text becomes a
 * new revision (the old one is kept), and the public page shows the dated note. Editors and
 * publishers of the tenant's policy may correct.
 */
@Singleton
public class CorrectItem {

    private final WorkflowPolicies policies;
    private final Publishing publishing;

    CorrectItem(WorkflowPolicies policies, Publishing publishing) {
        this.policies = policies;
        this.publishing = publishing;
    }

    public Mono<SavedItem> correct(Tenant tenant, Actor actor, Draft edit, String note) {
        return policies.current(tenant).flatMap(policy -> {
            Set<vn.cong.accounts.Role> who = new HashSet<>(policy.editorRoles());
            who.addAll(policy.publisherRoles());
            Guards.role(actor, who, "đính chính tin bài");
            return publishing.correct(tenant, edit, note);
        });
    }
}
