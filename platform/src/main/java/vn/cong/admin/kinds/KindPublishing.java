package vn.cong.admin.kinds;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.content.ContentNotFound;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.PublishItem;
import vn.cong.workflow.WorkflowCatalog;

/**
 * The "publish" button of every content kind's editor goes through the workflow, as the article
 * editor's does: an approved item, or one the tenant's policy lets editors publish without
 * approval, goes online; anything else is refused ({@code WorkflowRefused}) with the way to get it.
 * The kind's own conditions (a document's .pdf and .doc/.docx) are checked on that path too.
 */
@Singleton
public class KindPublishing {

    private final WorkflowCatalog catalog;
    private final PublishItem publish;

    public KindPublishing(WorkflowCatalog catalog, PublishItem publish) {
        this.catalog = catalog;
        this.publish = publish;
    }

    /** Publishes the item as last saved (the editor's button publishes what is saved, not a version the page showed). */
    public Mono<Outcome> publish(Tenant tenant, long id, StaffAccount me) {
        return catalog.item(tenant, id)
                .flatMap(found -> found.isEmpty() ? Mono.error(new ContentNotFound(id))
                        : publish.publishDirectly(tenant, id, found.get().item().version(), new Actor(me.id(), me.displayName(), me.roles())));
    }
}
