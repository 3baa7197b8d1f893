package vn.cong.admin.questions;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.kinds.KindPages;
import vn.cong.engagement.AnswerApproval;
import vn.cong.tenancy.Tenant;

import java.util.Map;

/**
 * Where the approval workflow's "content" link of an answer leads (its item page names the kind's edit page): to the
 * question or petition the answer belongs to, where the approvers read what was asked and what is answered. Another
 * tenant's item, or an item that is no answer, is "not found".
 */
@Controller(AnswerPages.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AnswerPages {

    /** The edit page the workflow names for answers: {@code PATH/{item id}}. */
    public static final String PATH = "/quan-tri/tra-loi-duyet";

    private final AnswerApproval approval;
    private final AdminPages pages;

    AnswerPages(AnswerApproval approval, AdminPages pages) {
        this.approval = approval;
        this.pages = pages;
    }

    @Get(value = "/{itemId}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, long itemId) {
        return approval.pageOf(tenant, itemId).map(KindPages::seeOther)
                .switchIfEmpty(Mono.defer(() -> pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy câu trả lời",
                        "message", "Câu trả lời này không có trong cổng.", "linkHref", "/quan-tri/quy-trinh", "linkText", "Về quy trình duyệt"))));
    }
}
