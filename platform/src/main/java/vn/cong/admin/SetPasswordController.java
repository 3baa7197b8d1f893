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
import reactor.core.publisher.Mono;
import vn.cong.accounts.PasswordRules;
import vn.cong.accounts.PasswordSetting;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.FormSessions;

import java.util.HashMap;
import java.util.Map;

/** The page a one-time link opens: the holder chooses a password; the link then stops working. */
@Controller("/quan-tri/dat-mat-khau")
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class SetPasswordController {

    static final String INVALID_LINK = "Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. "
            + "Vui lòng liên hệ quản trị cổng để được cấp liên kết mới.";

    private final PasswordSetting setting;
    private final FormSessions formSessions;
    private final AdminPages pages;

    SetPasswordController(PasswordSetting setting, FormSessions formSessions, AdminPages pages) {
        this.setting = setting;
        this.formSessions = formSessions;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String token) {
        return setting.holder(tenant, token)
                .flatMap(account -> formSessions.ensure(request, tenant)
                        .flatMap(session -> pages.page(request, "set-password", model(token, account.username(), Map.of()))))
                .switchIfEmpty(Mono.defer(() -> invalidLink(request)))
                .map(response -> noReferrer(formSessions.withCookie(request, response)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> submit(HttpRequest<?> request, Tenant tenant, @Body SetPasswordForm form) {
        Map<String, String> errors = new HashMap<>();
        String password = form.password() == null ? "" : form.password();
        var problem = PasswordRules.problem(password);
        if (problem.isPresent()) {
            errors.put("password", problem.get());
        } else if (!password.equals(form.confirmation())) {
            errors.put("confirmation", "Mật khẩu nhập lại không khớp.");
        }
        Mono<MutableHttpResponse<String>> response;
        if (!errors.isEmpty()) {
            response = setting.holder(tenant, form.token())
                    .flatMap(account -> pages.page(request, HttpStatus.BAD_REQUEST, "set-password",
                            model(form.token(), account.username(), errors)))
                    .switchIfEmpty(Mono.defer(() -> invalidLink(request)));
        } else {
            response = setting.setPassword(tenant, form.token(), password)
                    .flatMap(id -> pages.page(request, "set-password-done", Map.of()))
                    .switchIfEmpty(Mono.defer(() -> invalidLink(request)));
        }
        return response.map(SetPasswordController::noReferrer);
    }

    private Mono<MutableHttpResponse<String>> invalidLink(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.BAD_REQUEST, "error", Map.of("title", "Liên kết không dùng được",
                "message", INVALID_LINK, "linkHref", LoginController.LOGIN_PATH, "linkText", "Đến trang đăng nhập"));
    }

    private static Map<String, Object> model(String token, String username, Map<String, String> errors) {
        return Map.of("token", token, "username", username, "errors", errors);
    }

    /** The token is in this page's address: it must not leak to other sites through Referer. */
    private static MutableHttpResponse<String> noReferrer(MutableHttpResponse<String> response) {
        return response.header("Referrer-Policy", "no-referrer");
    }
}
