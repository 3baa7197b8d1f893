package vn.cong.admin;

import vn.cong.web.CsrfProtected;
import vn.cong.web.SessionCookies;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffSession;
import vn.cong.web.StaffSessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import reactor.core.publisher.Mono;
import vn.cong.accounts.PasswordChange;
import vn.cong.tenancy.Tenant;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Staff change their own password here; an account whose password breaks today's rules is sent here
 * right after login ({@link StaffGates}) and stays until it has chosen a new one.
 */
@Controller(ChangePasswordController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ChangePasswordController {

    static final String PATH = "/quan-tri/doi-mat-khau";
    static final String DUE = "Mật khẩu hiện tại của bạn không còn đạt yêu cầu (ít nhất 12 ký tự, không phải mật khẩu phổ biến). "
            + "Vui lòng đặt mật khẩu mới trước khi tiếp tục.";

    private final PasswordChange change;
    private final StaffSessions sessions;
    private final SessionCookies cookies;
    private final AdminPages pages;

    ChangePasswordController(PasswordChange change, StaffSessions sessions, SessionCookies cookies, AdminPages pages) {
        this.change = change;
        this.sessions = sessions;
        this.cookies = cookies;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, @Nullable @QueryValue String tiep) {
        return pages.page(request, "change-password", model(request, tiep, Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> submit(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ChangePasswordForm form) {
        String password = form.password() == null ? "" : form.password();
        if (!password.equals(form.confirmation())) {
            return refuse(request, form, "confirmation", "Mật khẩu nhập lại không khớp.");
        }
        StaffSession session = StaffRequests.session(request).orElseThrow(); // the CSRF check required it
        return change.change(tenant, me.id(), form.current() == null ? "" : form.current(), password)
                .flatMap(result -> result instanceof PasswordChange.Result.Changed changed
                        ? sessions.signIn(tenant, session, changed.account().id(), changed.account().securityStamp())
                                .map(renewed -> cookies.attach(request, HttpResponse.<String>seeOther(
                                        URI.create(LoginController.continueTo(form.tiep()))), renewed))
                        : refuse(request, form, ((PasswordChange.Result.Refused) result).field(),
                                ((PasswordChange.Result.Refused) result).message()))
                .switchIfEmpty(Mono.defer(() -> refuse(request, form, "current", "Mật khẩu hiện tại không đúng.")));
    }

    private Mono<MutableHttpResponse<String>> refuse(HttpRequest<?> request, ChangePasswordForm form, String field, String message) {
        return pages.page(request, HttpStatus.BAD_REQUEST, "change-password", model(request, form.tiep(), Map.of(field, message)));
    }

    private static Map<String, Object> model(HttpRequest<?> request, @Nullable String tiep, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("tiep", tiep == null ? "" : tiep);
        model.put("errors", errors);
        model.put("due", StaffAccount.passwordChangeDue(request) ? DUE : "");
        model.put("username", StaffAccount.signedIn(request).map(StaffAccount::username).orElse(""));
        return model;
    }
}
