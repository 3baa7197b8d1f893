package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.OwnAccountSecurity;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.SessionCookies;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffSessions;
import vn.cong.web.TokenOnlyForm;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** A staff member's own live sessions (browser, address, start, last use), and signing out everywhere. */
@Controller(SessionsController.PATH)
@StaffMenu(group = StaffMenu.Group.PERSONAL, order = 20, label = "Phiên đăng nhập")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class SessionsController {

    static final String PATH = "/quan-tri/phien-dang-nhap";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private final StaffSessions sessions;
    private final OwnAccountSecurity own;
    private final SessionCookies cookies;
    private final ProxiedRequests proxied;
    private final AdminPages pages;

    SessionsController(StaffSessions sessions, OwnAccountSecurity own, SessionCookies cookies, ProxiedRequests proxied, AdminPages pages) {
        this.sessions = sessions;
        this.own = own;
        this.cookies = cookies;
        this.proxied = proxied;
        this.pages = pages;
    }

    /** One row of the list, formatted for the page. */
    record Row(boolean current, String device, String address, String startedAt, String lastSeen) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        String current = StaffRequests.session(request).orElseThrow().id();
        return sessions.listOf(tenant.code(), me.id(), current)
                .map(entries -> entries.stream().map(e -> new Row(e.current(), e.userAgent().isBlank() ? "Không rõ" : e.userAgent(),
                        e.address().isBlank() ? "Không rõ" : e.address(), TIME.format(e.startedAt()), TIME.format(e.lastSeen()))).toList())
                .flatMap(rows -> pages.page(request, "sessions", Map.of("sessions", rows)));
    }

    /** Ends every session of the account, this one too (a new security stamp refuses any that were missed). */
    @Post(value = "/dang-xuat-tat-ca", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<MutableHttpResponse<String>> signOutEverywhere(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body TokenOnlyForm form) {
        return own.signOutEverywhere(tenant, me.id(), proxied.clientAddress(request))
                .then(sessions.endAllOf(tenant.code(), me.id()))
                .then(sessions.end(tenant, StaffRequests.session(request).orElseThrow().id()))
                .then(Mono.fromSupplier(() -> cookies.clear(request,
                        HttpResponse.<String>seeOther(URI.create(LoginController.LOGIN_PATH + "?da-dang-xuat")))));
    }
}
