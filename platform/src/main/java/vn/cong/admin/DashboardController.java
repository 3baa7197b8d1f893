package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.ContentCatalog;
import vn.cong.tenancy.Tenant;
import vn.cong.themes.ThemeVersion;
import vn.cong.themes.ThemeVersions;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ItemState;
import vn.cong.workflow.WorkflowCatalog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff home page: what waits for me (items at my step or level, and for the head the theme versions waiting
 * for approval), my drafts, and the latest publications, each leading to its page.
 */
@Controller("/quan-tri")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class DashboardController {

    private static final int SHOWN = 8;
    /** States in which an item is still its author's to finish. */
    private static final Set<String> DRAFTS = Set.of(ItemState.DRAFT.db(), ItemState.RETURNED.db());

    private final AdminPages pages;
    private final WorkflowCatalog workflow;
    private final ContentCatalog content;
    private final ThemeVersions themes;
    private final Clock clock;

    DashboardController(AdminPages pages, WorkflowCatalog workflow, ContentCatalog content, ThemeVersions themes, Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.workflow = workflow;
        this.content = content;
        this.themes = themes;
    }

    /** A line of a dashboard list: what it is, where it leads, and a short note (state, level, time). */
    record Line(String title, String href, String note, boolean overdue) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> dashboard(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        Mono<List<ThemeVersion>> themeVersions = me.isHead() ? themes.list(tenant) : Mono.just(List.of());
        return Mono.zip(workflow.waitingFor(tenant, new Actor(me.id(), me.displayName(), me.roles())), workflow.mine(tenant, me.id()),
                        content.items(tenant, ItemState.PUBLISHED.db()).take(50).collectList(), themeVersions)
                .flatMap(t -> {
                    List<WorkflowCatalog.QueueRow> waiting = t.getT1();
                    Map<String, Object> model = new HashMap<>();
                    model.put("me", me);
                    model.put("waiting", waiting.size());
                    model.put("overdue", waiting.stream().filter(this::overdue).count());
                    model.put("waitingLines", waiting.stream().limit(SHOWN).map(r -> new Line(r.item().title(),
                            "/quan-tri/quy-trinh/" + r.item().id(),
                            ItemState.labelOf(r.item().state()) + (r.levelName() == null ? "" : " — " + r.levelName())
                                    + (r.run() == null || r.run().dueAt() == null ? "" : ", hạn " + KindPages.time(r.run().dueAt())),
                            overdue(r))).toList());
                    model.put("themeLines", t.getT4().stream().filter(v -> v.state() == ThemeVersion.State.SUBMITTED)
                            .map(v -> new Line("Phiên bản giao diện số " + v.number(), "/quan-tri/giao-dien/" + v.id(),
                                    "Gửi duyệt " + KindPages.time(v.submittedAt()) + (v.submittedBy() == null ? "" : " bởi " + v.submittedBy()),
                                    false)).toList());
                    model.put("draftLines", t.getT2().stream().filter(r -> DRAFTS.contains(r.item().state())).limit(SHOWN)
                            .map(r -> new Line(r.item().title(), "/quan-tri/quy-trinh/" + r.item().id(),
                                    ItemState.labelOf(r.item().state()) + ", sửa lúc " + KindPages.time(r.item().updatedAt()), false)).toList());
                    model.put("publishedLines", t.getT3().stream()
                            .sorted(Comparator.comparing(ContentCatalog.ItemSummary::publishedAt,
                                    Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())))
                            .limit(SHOWN)
                            .map(i -> new Line(i.title(), ("en".equals(i.language()) ? "/en" : "") + "/bai-viet/" + i.slug(),
                                    "Đăng lúc " + KindPages.time(i.publishedAt()), false)).toList());
                    return pages.page(request, "dashboard", model);
                });
    }

    private boolean overdue(WorkflowCatalog.QueueRow r) {
        return r.run() != null && r.run().dueAt() != null && "in_progress".equals(r.run().status())
                && r.run().dueAt().toInstant().isBefore(clock.instant());
    }
}
