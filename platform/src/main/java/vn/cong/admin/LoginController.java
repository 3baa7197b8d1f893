package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import vn.cong.accounts.LoginOutcome;
import vn.cong.accounts.SecondFactor;
import vn.cong.accounts.StaffLogin;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.FormSessions;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.SessionCookies;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffSession;
import vn.cong.web.StaffSessions;
import vn.cong.web.TokenOnlyForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Staff login and logout on every tenant host, against that tenant's own accounts. */
@Controller("/quan-tri")
@CsrfProtected
class LoginController {

    static final String LOGIN_PATH = "/quan-tri/dang-nhap";
    static final String REFUSED = "Tên đăng nhập hoặc mật khẩu không đúng.";
    static final String SECOND_STEP_PATH = "/quan-tri/xac-thuc";
    static final String CODE_REFUSED = "Mã xác thực không đúng hoặc đã được dùng.";
    private static final Pattern STAFF_PAGE = Pattern.compile("^/quan-tri(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$");

    private final StaffLogin login;
    private final StaffSessions sessions;
    private final FormSessions formSessions;
    private final SessionCookies cookies;
    private final ProxiedRequests proxied;
    private final AdminPages pages;
    private final SecondFactor secondFactor;

    LoginController(StaffLogin login, StaffSessions sessions, FormSessions formSessions, SessionCookies cookies,
                    ProxiedRequests proxied, AdminPages pages, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.login = login;
        this.sessions = sessions;
        this.formSessions = formSessions;
        this.cookies = cookies;
        this.proxied = proxied;
        this.pages = pages;
    }

    @Get(value = "/dang-nhap", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String tiep) {
        if (StaffAccount.signedIn(request).isPresent()) {
            return Mono.just(HttpResponse.seeOther(URI.create(continueTo(tiep))));
        }
        return formSessions.ensure(request, tenant)
                .flatMap(session -> pages.page(request, "login", model("", tiep, null)))
                .map(response -> formSessions.withCookie(request, response));
    }

    @Post(value = "/dang-nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    Mono<MutableHttpResponse<String>> login(HttpRequest<?> request, Tenant tenant, @Body LoginForm form) {
        // the CSRF check already required the session the form was served with
        StaffSession formSession = StaffRequests.session(request).orElseThrow();
        String username = form.username() == null ? "" : form.username().strip();
        return login.attempt(tenant, username, form.password(), proxied.clientAddress(request))
                .flatMap(outcome -> {
                    if (outcome instanceof LoginOutcome.SignedIn signedIn && signedIn.account().mfaEnabled()) {
                        // the password was right; the session stays anonymous until the second factor is too
                        return sessions.awaitSecondFactor(tenant, formSession, signedIn.account().id(), signedIn.account().securityStamp())
                                .map(pending -> cookies.attach(request, HttpResponse.<String>seeOther(URI.create(SECOND_STEP_PATH + "?tiep="
                                        + URLEncoder.encode(continueTo(form.tiep()), StandardCharsets.UTF_8))), pending));
                    }
                    if (outcome instanceof LoginOutcome.SignedIn signedIn) {
                        String next = signedIn.account().mustChangePassword()
                                ? ChangePasswordController.PATH + "?tiep=" + URLEncoder.encode(continueTo(form.tiep()), StandardCharsets.UTF_8)
                                : continueTo(form.tiep());
                        return sessions.signIn(tenant, formSession, signedIn.account().id(), signedIn.account().securityStamp())
                                .map(session -> cookies.attach(request, HttpResponse.<String>seeOther(URI.create(next)), session));
                    }
                    if (outcome instanceof LoginOutcome.Throttled throttled) {
                        return pages.page(request, HttpStatus.TOO_MANY_REQUESTS, "login",
                                        model(username, form.tiep(), throttled.throttling().message()))
                                .map(response -> response.header(HttpHeaders.RETRY_AFTER,
                                        String.valueOf(throttled.throttling().retryAfterSeconds())));
                    }
                    return pages.page(request, HttpStatus.UNAUTHORIZED, "login", model(username, form.tiep(), REFUSED));
                });
    }

    @Get(value = "/xac-thuc", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    Mono<MutableHttpResponse<String>> secondStepForm(HttpRequest<?> request, @Nullable @QueryValue String tiep) {
        if (StaffRequests.session(request).filter(StaffSession::awaitsSecondFactor).isEmpty()) {
            return Mono.just(HttpResponse.seeOther(URI.create(LOGIN_PATH)));
        }
        return pages.page(request, "second-step", model("", tiep, null));
    }

    /**
     * The second step: a code from the authenticator app or a recovery code. Only then is the session
     * authenticated, under yet another new id; wrong codes count towards a throttle of their own.
     */
    @Post(value = "/xac-thuc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    Mono<MutableHttpResponse<String>> secondStep(HttpRequest<?> request, Tenant tenant, @Body SecondStepForm form) {
        StaffSession pending = StaffRequests.session(request).orElseThrow(); // the CSRF check required it
        if (!pending.awaitsSecondFactor()) {
            return Mono.just(HttpResponse.seeOther(URI.create(LOGIN_PATH)));
        }
        return login.stillSignedIn(tenant, pending.pendingAccountId(), pending.securityStamp())
                .flatMap(account -> secondFactor.check(tenant, account, form.code(), proxied.clientAddress(request)).flatMap(check -> {
                    if (check instanceof SecondFactor.Check.Accepted) {
                        String next = account.mustChangePassword()
                                ? ChangePasswordController.PATH + "?tiep=" + URLEncoder.encode(continueTo(form.tiep()), StandardCharsets.UTF_8)
                                : continueTo(form.tiep());
                        return sessions.signIn(tenant, pending, account.id(), account.securityStamp())
                                .map(session -> cookies.attach(request, HttpResponse.<String>seeOther(URI.create(next)), session));
                    }
                    if (check instanceof SecondFactor.Check.Throttled throttled) {
                        return pages.page(request, HttpStatus.TOO_MANY_REQUESTS, "second-step",
                                        model("", form.tiep(), throttled.throttling().message()))
                                .map(response -> response.header(HttpHeaders.RETRY_AFTER,
                                        String.valueOf(throttled.throttling().retryAfterSeconds())));
                    }
                    return pages.page(request, HttpStatus.UNAUTHORIZED, "second-step", model("", form.tiep(), CODE_REFUSED));
                }))
                // the account was revoked or its credentials changed meanwhile: start again
                .switchIfEmpty(Mono.defer(() -> sessions.end(tenant, pending.id())
                        .then(Mono.fromSupplier(() -> cookies.clear(request, HttpResponse.<String>seeOther(URI.create(LOGIN_PATH)))))));
    }

    @Post(value = "/dang-xuat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    Mono<MutableHttpResponse<String>> logout(HttpRequest<?> request, Tenant tenant, @Body TokenOnlyForm form) {
        StaffSession session = StaffRequests.session(request).orElseThrow();
        return sessions.end(tenant, session.id())
                .then(Mono.fromSupplier(() -> cookies.clear(request, HttpResponse.<String>seeOther(URI.create(LOGIN_PATH)))));
    }

    @io.micronaut.serde.annotation.Serdeable
    record SecondStepForm(@Nullable String code, @Nullable String csrfToken, @Nullable String tiep) implements vn.cong.web.CsrfForm {
    }

    /** Only staff pages of this host: never an absolute or protocol-relative URL (no open redirect). */
    static String continueTo(@Nullable String next) {
        return next != null && STAFF_PAGE.matcher(next).matches() && !next.startsWith(LOGIN_PATH)
                && !next.startsWith(SECOND_STEP_PATH) ? next : "/quan-tri";
    }

    private static Map<String, Object> model(String username, @Nullable String tiep, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("username", username);
        model.put("tiep", tiep == null ? "" : tiep);
        if (error != null) {
            model.put("error", error);
        }
        return model;
    }
}
