package vn.cong.admin.content;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Account;
import vn.cong.accounts.AccountAdministration;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.ContentList;
import vn.cong.content.ContentNotFound;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ArchiveItem;
import vn.cong.workflow.DeleteDraft;
import vn.cong.workflow.Outcome;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.Submission;
import vn.cong.workflow.SubmissionRejected;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a bulk action over the rows checked, one item after the other, each through the same workflow command
 * (and so the same checks: state, role, the version seen, holds) as its single-item action, each in its own
 * transaction: what one item refuses does not undo or stop the others. Ids that are not an item of the listed
 * kinds in this tenant (another portal's, an about page's) are answered "not found" and logged.
 */
@Singleton
class BulkRun {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);
    static final String NOT_FOUND = "Không tìm thấy mục này trong cổng: có thể đã bị xoá, hoặc không phải nội dung bạn được làm việc.";

    private final ContentList list;
    private final AccountAdministration accounts;
    private final SubmitItem submit;
    private final ArchiveItem archive;
    private final DeleteDraft delete;
    private final StaffKinds kinds;

    BulkRun(ContentList list, AccountAdministration accounts, SubmitItem submit, ArchiveItem archive, DeleteDraft delete, StaffKinds kinds) {
        this.list = list;
        this.accounts = accounts;
        this.submit = submit;
        this.archive = archive;
        this.delete = delete;
        this.kinds = kinds;
    }

    /** What became of one item. {@code href} leads to the item (null when it is not there, or no longer). */
    record ItemOutcome(String title, @Nullable String href, boolean done, String result) {
    }

    Mono<List<ItemOutcome>> run(Tenant tenant, StaffAccount me, BulkAction action, List<BulkForm.Selection> selections, Set<String> listed) {
        Actor actor = new Actor(me.id(), me.displayName(), me.roles());
        return Mono.zip(list.picked(tenant, selections.stream().map(BulkForm.Selection::id).toList(), listed), accounts.find(tenant, me.id()))
                .flatMap(t -> Flux.fromIterable(selections).concatMap(s -> {
                    ContentList.Picked item = t.getT1().get(s.id());
                    if (item == null) {
                        LOG.warn("Bulk {} in tenant {} by account {}: item {} is not one of its listed items", action, tenant.code(), me.id(), s.id());
                        return Mono.just(new ItemOutcome("Mục số " + s.id(), null, false, NOT_FOUND));
                    }
                    return one(tenant, actor, t.getT2(), action, item, s.version());
                }).collectList());
    }

    private Mono<ItemOutcome> one(Tenant tenant, Actor actor, Account account, BulkAction action, ContentList.Picked item, int version) {
        String href = kinds.editUrl(item.kind(), item.id());
        Mono<Outcome> command = switch (action) {
            case SUBMIT -> submit.submit(tenant, item.id(), version, actor, submission(account, item));
            case ARCHIVE -> archive.archive(tenant, item.id(), version, actor, "Lưu trữ từ danh sách nội dung");
            case DELETE_DRAFTS -> delete.delete(tenant, item.id(), version, actor);
        };
        return command
                .map(o -> new ItemOutcome(item.title(), action == BulkAction.DELETE_DRAFTS ? null : href, true, action.done()))
                .onErrorResume(ContentNotFound.class, e -> Mono.just(new ItemOutcome(item.title(), null, false, NOT_FOUND)))
                .onErrorResume(WorkflowConflict.class, e -> Mono.just(new ItemOutcome(item.title(), href, false,
                        "Mục này đã thay đổi sau khi bạn mở danh sách (bạn thấy phiên bản " + version + ", nay là phiên bản "
                                + e.currentVersion() + "): chưa làm gì. Hãy tải lại danh sách, xem trạng thái mới rồi chọn lại.")))
                .onErrorResume(WorkflowRefused.class, e -> Mono.just(new ItemOutcome(item.title(), href, false, e.getMessage())))
                .onErrorResume(SubmissionRejected.class, e -> Mono.just(new ItemOutcome(item.title(), href, false,
                        "Chưa gửi được: " + String.join(" ", e.problems().values())
                                + " Hãy gửi mục này từ trang «Gửi duyệt» của nó, nơi ghi được các thông tin này.")));
    }

    /**
     * The particulars a bulk submission sends: the sender's own (their account), a routine sensitivity and the item's
     * source, as the single submission form is first filled; what the tenant requires beyond that (an event time,
     * a document's confirmations) refuses the item, to be sent from its own form.
     */
    private static Submission submission(Account me, ContentList.Picked item) {
        boolean quoted = item.source() != null && !item.source().isBlank();
        return new Submission(me.unit(), me.fullName().isBlank() ? me.username() : me.fullName(), me.jobTitle(), me.email(), me.phone(),
                Sensitivity.ROUTINE.db(), null, false, quoted, quoted ? item.source() : null, null);
    }
}
