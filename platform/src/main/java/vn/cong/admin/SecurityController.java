package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.OwnAccountSecurity;
import vn.cong.accounts.SecondFactor;
import vn.cong.accounts.StaffLogin;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.QrCodes;
import vn.cong.web.SessionCookies;
import vn.cong.web.StaffSessions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A staff member's own account security: the second factor (enrolment with the secret as text and as a QR
 * code, switched on by a code typed back, ten recovery codes shown once) and the report of lost or leaked
 * credentials. Leaders whose tenant requires a second factor are sent here after login ({@link StaffGates}).
 */
@Controller(SecurityController.PATH)
@StaffMenu(group = StaffMenu.Group.PERSONAL, order = 10, label = "Bảo mật tài khoản")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class SecurityController {

    static final String PATH = "/quan-tri/bao-mat";
    static final String DUE = "Cổng yêu cầu xác thực hai bước với tài khoản quản trị, trưởng ban và phó trưởng ban. "
            + "Vui lòng bật xác thực hai bước trước khi tiếp tục.";
    static final String WRONG_CODE = "Mã không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.";
    static final String CONFIRM_REPORT = "Hãy đánh dấu ô xác nhận để báo mất hoặc lộ thông tin đăng nhập.";

    private final SecondFactor secondFactor;
    private final OwnAccountSecurity own;
    private final StaffLogin login;
    private final StaffSessions sessions;
    private final SessionCookies cookies;
    private final ProxiedRequests proxied;
    private final AdminPages pages;

    SecurityController(SecondFactor secondFactor, OwnAccountSecurity own, StaffLogin login, StaffSessions sessions,
                       SessionCookies cookies, ProxiedRequests proxied, AdminPages pages) {
        this.secondFactor = secondFactor;
        this.own = own;
        this.login = login;
        this.sessions = sessions;
        this.cookies = cookies;
        this.proxied = proxied;
        this.pages = pages;
    }

    @Serdeable
    record CodeForm(@Nullable String code, @Nullable String csrfToken, @Nullable String tiep) implements CsrfForm {
    }

    @Serdeable
    record ReportForm(@Nullable String confirm, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String tiep) {
        return show(request, tenant, me, HttpStatus.OK, tiep, Map.of());
    }

    /** Switches the second factor on when the code belongs to the secret shown; the recovery codes are shown once. */
    @Post(value = "/bat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> enable(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body CodeForm form) {
        return secondFactor.confirm(tenant, me.id(), form.code() == null ? "" : form.code())
                .flatMap(codes -> pages.page(request, "security/recovery-codes",
                        Map.of("codes", codes, "tiep", LoginController.continueTo(form.tiep()))))
                .switchIfEmpty(Mono.defer(() -> show(request, tenant, me, HttpStatus.BAD_REQUEST, form.tiep(), Map.of("code", WRONG_CODE))));
    }

    /**
     * Lost or leaked credentials: the password and second factor stop working, every session ends (this one
     * too), the tenant admins are told; the person gets a new set-password link from them.
     */
    @Post(value = "/bao-lo", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> report(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ReportForm form) {
        if (form.confirm() == null) {
            return show(request, tenant, me, HttpStatus.BAD_REQUEST, null, Map.of("confirm", CONFIRM_REPORT));
        }
        return own.reportLostCredentials(tenant, me.id(), proxied.clientAddress(request))
                .then(sessions.endAllOf(tenant.code(), me.id()))
                .then(pages.page(request, "security/reported", Map.of()))
                .map(response -> cookies.clear(request, response));
    }

    private Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                  @Nullable String tiep, Map<String, String> errors) {
        return login.account(tenant, me.id()).flatMap(account -> {
            Map<String, Object> model = new HashMap<>();
            model.put("enabled", account.mfaEnabled());
            model.put("due", request.getAttribute(StaffAccount.MFA_ENROLMENT_DUE, Boolean.class).orElse(false) ? DUE : "");
            model.put("tiep", tiep == null ? "" : tiep);
            model.put("errors", errors);
            if (account.mfaEnabled()) {
                return pages.page(request, status, "security/page", model);
            }
            return secondFactor.enrolment(tenant, me.id()).flatMap(enrolment -> {
                model.put("secret", grouped(enrolment.secret()));
                model.put("qr", QrCodes.svg(enrolment.uri(), "Mã QR để thêm tài khoản vào ứng dụng xác thực"));
                return pages.page(request, status, "security/page", model);
            });
        });
    }

    /** The secret in groups of four, easier to type by hand (apps ignore the spaces). */
    static String grouped(String secret) {
        return String.join(" ", List.of(secret.split("(?<=\\G.{4})")));
    }
}
