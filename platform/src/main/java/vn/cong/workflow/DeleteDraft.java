package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.ContentEvents;
import vn.cong.content.ContentNotFound;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.util.List;

/**
 * Deletes a draft that never went into the approval workflow (xoá bản nháp): its author or an editor of the
 * tenant's policy may, from the version they saw. An item that was ever submitted keeps its record, and so do
 * about pages and answers to citizens, which other records point at. The event log keeps a line for the
 * deletion, so the history (and its hash chain) is never cut; the draft's revisions, attachments' links and
 * kind details go with it; the files stay in the media library.
 */
@Singleton
public class DeleteDraft {

    /** Rows that belong to the item and go with it, in an order that satisfies their references. */
    public static final List<String> CLEARED = List.of(
            "UPDATE legal_documents SET replaced_by = NULL WHERE replaced_by = $1",
            "DELETE FROM legal_documents WHERE item_id = $1",
            "DELETE FROM consultations WHERE item_id = $1",
            "DELETE FROM procedures WHERE item_id = $1",
            "DELETE FROM content_attachments WHERE item_id = $1",
            "DELETE FROM item_videos WHERE item_id = $1",
            "DELETE FROM item_gallery_images WHERE item_id = $1",
            "DELETE FROM preview_links WHERE item_id = $1",
            "DELETE FROM retention_overrides WHERE item_id = $1",
            "DELETE FROM notifications WHERE item_id = $1",
            "DELETE FROM content_revisions WHERE item_id = $1");

    private final TenantDatabase db;

    DeleteDraft(TenantDatabase db) {
        this.db = db;
    }

    public Mono<Outcome> delete(Tenant tenant, long itemId, int version, Actor actor) {
        return db.mono(tenant, c -> c.one("SELECT " + WorkItem.COLUMNS + " FROM content_items i WHERE i.id = $1 FOR UPDATE", WorkItem::of, itemId)
                .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                .flatMap(item -> item.version() != version
                        ? Mono.error(new WorkflowConflict(version, item.version(), item.stateLabel()))
                        : WorkflowPolicies.current(c).flatMap(policy -> {
                            Guards.state(item, "xoá", ItemState.DRAFT);
                            boolean own = item.createdBy() != null && item.createdBy() == actor.id();
                            if (!own && !actor.hasAny(policy.editorRoles())) {
                                throw new WorkflowRefused("Chỉ người soạn bản nháp hoặc " + policy.editorRolesText() + " được xoá bản nháp này.");
                            }
                            return keptElsewhere(c, itemId).flatMap(reason -> reason.isEmpty() ? remove(c, item, actor)
                                    : Mono.error(new WorkflowRefused(reason)));
                        })));
    }

    /** Why the draft must stay (empty when nothing holds it). */
    private static Mono<String> keptElsewhere(TenantTx c, long itemId) {
        return c.one("""
                        SELECT CASE
                            WHEN EXISTS (SELECT 1 FROM workflow_runs WHERE item_id = $1)
                                THEN 'Mục này đã từng được gửi vào quy trình duyệt: hồ sơ của nó phải được giữ lại, không xoá được.'
                            WHEN EXISTS (SELECT 1 FROM standing_pages WHERE item_id = $1)
                                THEN 'Đây là trang giới thiệu của cổng: sửa nội dung của trang thay vì xoá.'
                            WHEN EXISTS (SELECT 1 FROM questions WHERE answer_item_id = $1) OR EXISTS (SELECT 1 FROM petitions WHERE answer_item_id = $1)
                                THEN 'Đây là câu trả lời cho người dân: xử lý ở trang câu hỏi hoặc phản ánh của nó.'
                            ELSE '' END""", r -> r.get(0, String.class), itemId);
    }

    private static Mono<Outcome> remove(TenantTx c, WorkItem item, Actor actor) {
        return Flux.fromIterable(CLEARED).concatMap(sql -> c.update(sql, item.id())).then()
                .then(c.update("DELETE FROM content_items WHERE id = $1", item.id()))
                .then(ContentEvents.append(c, new ContentEvents.Event(item.id(), actor.id(), item.state(), "deleted", "delete", null,
                        "Xoá bản nháp «" + item.title() + "»", null, null)))
                .thenReturn(new Outcome(item.id(), item.version(), "deleted"));
    }
}
