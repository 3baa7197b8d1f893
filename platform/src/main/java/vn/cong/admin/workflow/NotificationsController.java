package vn.cong.admin.workflow;

import vn.cong.admin.StaffMenu;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;
import vn.cong.workflow.NotificationPreferences;
import vn.cong.workflow.Notifications;

import java.util.Map;

/** The logged-in person's notifications: items that reached them, newest first. */
@Controller("/quan-tri/thong-bao")
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 20, label = "Thông báo", unreadCount = true)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class NotificationsController {

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final AdminPages pages;

    NotificationsController(Notifications notifications, NotificationPreferences preferences, AdminPages pages) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.pages = pages;
    }

    record Line(String message, String at, boolean read, String href) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return Mono.zip(notifications.latest(tenant, me.id()), preferences.wantsEmail(tenant, me.id()))
                .flatMap(t -> pages.page(request, "workflow/notifications", Map.of("emailWanted", t.getT2(), "lines", t.getT1().stream()
                        .map(n -> new Line(n.message(), ItemPage.format(n.at()), n.read(),
                                n.itemId() == null ? "" : WorkflowController.BASE + "/" + n.itemId())).toList())));
    }

    @Post(value = "/da-doc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> markRead(Tenant tenant, StaffAccount me, @Body TokenOnlyForm form) {
        return notifications.markAllRead(tenant, me.id()).thenReturn(WorkflowController.seeOther("/quan-tri/thong-bao"));
    }

    /** Notifications by e-mail as well (the default) or only here. */
    @Post(value = "/email", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> emailPreference(Tenant tenant, StaffAccount me, @Body EmailPreferenceForm form) {
        return preferences.setEmail(tenant, me.id(), form.wanted()).thenReturn(WorkflowController.seeOther("/quan-tri/thong-bao"));
    }
}
