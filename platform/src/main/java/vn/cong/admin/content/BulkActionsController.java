package vn.cong.admin.content;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.lists.ListQuery;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bulk buttons of the content lists (Gửi duyệt, Lưu trữ, Xoá bản nháp): runs the action on each row checked
 * ({@link BulkRun}) and answers with what was done and what was refused, item by item, and why; the link back
 * returns to the list as it was filtered.
 */
@Controller(ContentListing.ALL + "/hang-loat")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class BulkActionsController {

    private final BulkRun run;
    private final ContentListScreen screen;
    private final AdminPages pages;

    BulkActionsController(BulkRun run, ContentListScreen screen, AdminPages pages) {
        this.run = run;
        this.screen = screen;
        this.pages = pages;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> act(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body BulkForm form) {
        ContentListing listing = ContentListing.ARTICLES.equals(form.danhsach()) ? ContentListing.articles()
                : ContentListing.all(screen.kindsFor(me));
        // the way back is rebuilt from the list's own filters, never taken as an address from the form
        String back = ListQuery.parse(params(form.loc()), ContentListScreen.shape(listing)).url();
        var action = BulkAction.byCode(form.thaotac() == null ? "" : form.thaotac());
        var selections = form.selections();
        if (action.isEmpty() || selections.isEmpty() || selections.get().size() > BulkForm.MAX_ROWS) {
            return refused(request, back, "Yêu cầu không hợp lệ: hãy chọn các dòng rồi bấm một nút thao tác trong danh sách.");
        }
        if (selections.get().isEmpty()) {
            return refused(request, back, "Chưa chọn dòng nào: hãy đánh dấu ô ở đầu các dòng cần " + action.get().label().toLowerCase() + ".");
        }
        return run.run(tenant, me, action.get(), selections.get(), listing.kinds()).flatMap(outcomes -> {
            long done = outcomes.stream().filter(BulkRun.ItemOutcome::done).count();
            return pages.page(request, "content/bulk-result", Map.of("action", action.get().label(), "outcomes", outcomes,
                    "done", done, "refused", outcomes.size() - done, "back", back, "listHeading", listing.heading()));
        });
    }

    private Mono<MutableHttpResponse<String>> refused(HttpRequest<?> request, String back, String message) {
        return pages.page(request, HttpStatus.BAD_REQUEST, "error", Map.of("title", "Chưa thực hiện thao tác", "message", message,
                "linkHref", back, "linkText", "Về danh sách"));
    }

    /** The list's query string as the list sent it, read back into parameters. */
    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed escape: that parameter is left out, the list shows without it
                }
            }
        }
        return params;
    }

}
