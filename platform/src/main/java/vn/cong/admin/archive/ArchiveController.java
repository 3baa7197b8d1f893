package vn.cong.admin.archive;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.RetentionArchive;

import java.util.List;
import java.util.Map;

/**
 * The staff archive (Lưu trữ) [001 Đ13]: items no longer on the public site, and for the editorial board
 * every takedown that cut a retention period short, with its legal basis.
 */
@Controller("/quan-tri/luu-tru")
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 40, label = "Lưu trữ")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ArchiveController {

    private final RetentionArchive archive;
    private final AdminPages pages;
    private final StaffKinds kinds;

    ArchiveController(RetentionArchive archive, AdminPages pages, StaffKinds kinds) {
        this.archive = archive;
        this.pages = pages;
        this.kinds = kinds;
    }

    /** A line of either table, formatted. */
    record Line(long id, String title, String kind, String state, String published, String at, String by, String why) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant) {
        return Mono.zip(archive.offline(tenant), archive.overrides(tenant)).flatMap(t -> {
            List<Line> offline = t.getT1().stream().map(o -> new Line(o.id(), o.title(), kinds.name(o.kind()), o.stateLabel(),
                    KindPages.time(o.publishedAt()), KindPages.time(o.at()), o.by(), o.why())).toList();
            List<Line> overrides = t.getT2().stream().map(o -> new Line(o.itemId(), o.title(), "", o.until(), "",
                    KindPages.time(o.decidedAt()), o.decidedBy(), o.legalBasis())).toList();
            return pages.page(request, "archive/list", Map.of("offline", offline, "overrides", overrides));
        });
    }
}
