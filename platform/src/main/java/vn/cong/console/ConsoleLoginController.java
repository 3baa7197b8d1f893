package vn.cong.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffSession;
import vn.cong.web.StaffSessions;
import vn.cong.web.TokenOnlyForm;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The operator's login and logout at the console. */
@Controller(Console.ROOT)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleLoginController {

    static final String REFUSED = "Tên đăng nhập hoặc mật khẩu vận hành không đúng.";
    static final String NOT_CONFIGURED = "Chưa cấu hình tài khoản vận hành (cong.operator.username, cong.operator.password-hash): "
            + "không đăng nhập được.";
    static final String NO_SECOND_FACTOR = "Chưa cấu hình xác thực hai bước của người vận hành (cong.operator.totp-secret): "
            + "ngoài môi trường dev, bảng điều khiển không cho đăng nhập bằng mật khẩu đơn thuần.";
    static final String CODE_REFUSED = "Mã xác thực không đúng hoặc đã được dùng.";
    private static final Pattern CONSOLE_PAGE = Pattern.compile("^/van-hanh(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$");
    /** The operator has no account row; sessions carry this as their account id. */
    private static final long OPERATOR_ACCOUNT = 0L;

    private final OperatorAuthentication authentication;
    private final StaffSessions sessions;
    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final OperatorAudit audit;
    private final ProxiedRequests proxied;

    ConsoleLoginController(OperatorAuthentication authentication, StaffSessions sessions, ConsoleCookies cookies,
                           ConsolePages pages, OperatorAudit audit, ProxiedRequests proxied) {
        this.authentication = authentication;
        this.sessions = sessions;
        this.cookies = cookies;
        this.pages = pages;
        this.audit = audit;
        this.proxied = proxied;
    }

    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String csrfToken, @Nullable String tiep)
            implements CsrfForm {
    }

    /** The session stamp that ties a console session to the operator's credentials at login time. */
    static UUID stampOf(String credentialStamp) {
        return UUID.nameUUIDFromBytes(credentialStamp.getBytes(StandardCharsets.UTF_8));
    }

    @Get(value = "/dang-nhap", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, @Nullable @QueryValue String tiep) {
        if (request.getAttribute(OperatorAuthentication.ACTOR).isPresent()) {
            return Mono.just(Console.seeOther(continueTo(tiep)));
        }
        Mono<StaffSession> session = StaffRequests.session(request).map(Mono::just)
                .orElseGet(() -> sessions.startAnonymous(StaffSessions.OPERATOR_SCOPE).doOnNext(s -> StaffRequests.useSession(request, s)));
        return session.flatMap(s -> pages.page(request, "login", model("", tiep, null))
                .map(response -> cookies.attach(request, response, s.id())));
    }

    @Post(value = "/dang-nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> login(HttpRequest<?> request, @Body LoginForm form) {
        StaffSession formSession = StaffRequests.session(request).orElseThrow(); // the CSRF check required it
        String username = form.username() == null ? "" : form.username().strip();
        String address = proxied.clientAddress(request);
        OperatorActor who = new OperatorActor(OperatorAuthentication.truncated(username), address, OperatorActor.Channel.CONSOLE);
        return authentication.attempt(username, form.password() == null ? "" : form.password(), address).flatMap(attempt -> switch (attempt.verdict()) {
            case ACCEPTED -> switch (authentication.secondStep()) {
                case NONE -> signIn(request, formSession, who, form.tiep());
                // the password was right; the session stays anonymous until the code is too
                case CODE -> sessions.awaitSecondFactor(StaffSessions.OPERATOR_SCOPE, formSession, OPERATOR_ACCOUNT,
                                stampOf(authentication.credentialStamp()))
                        .map(pending -> cookies.attach(request, Console.seeOther(Console.SECOND_STEP + "?tiep=" + continueTo(form.tiep())),
                                pending.id()));
                case NOT_CONFIGURED -> audit.record(who, "ops.login.failed", null, OperatorAudit.Outcome.REFUSED,
                                Map.of("reason", "no second factor configured"))
                        .then(refuse(request, HttpStatus.UNAUTHORIZED, username, form.tiep(), NO_SECOND_FACTOR));
            };
            case NOT_CONFIGURED -> refuse(request, HttpStatus.UNAUTHORIZED, username, form.tiep(), NOT_CONFIGURED);
            case THROTTLED -> audit.record(who, "ops.login.failed", null, OperatorAudit.Outcome.REFUSED, Map.of("reason", "throttled"))
                    .then(refuse(request, HttpStatus.TOO_MANY_REQUESTS, username, form.tiep(), attempt.throttling().message()))
                    .map(response -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(attempt.throttling().retryAfterSeconds())));
            case REJECTED, MISSING -> audit.record(who, "ops.login.failed", null, OperatorAudit.Outcome.REFUSED,
                            Map.of("reason", "wrong credentials"))
                    .then(refuse(request, HttpStatus.UNAUTHORIZED, username, form.tiep(), REFUSED));
        });
    }

    @Serdeable
    record CodeForm(@Nullable String code, @Nullable String csrfToken, @Nullable String tiep) implements CsrfForm {
    }

    @Get(value = "/xac-thuc", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> secondStepForm(HttpRequest<?> request, @Nullable @QueryValue String tiep) {
        if (StaffRequests.session(request).filter(this::awaitsCode).isEmpty()) {
            return Mono.just(Console.seeOther(Console.LOGIN));
        }
        return pages.page(request, "second-step", model("", tiep, null));
    }

    /** The console's second step: only a right, unused code signs the operator in, under a new session id. */
    @Post(value = "/xac-thuc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> secondStep(HttpRequest<?> request, @Body CodeForm form) {
        StaffSession pending = StaffRequests.session(request).orElseThrow(); // the CSRF check required it
        if (!awaitsCode(pending)) {
            return Mono.just(Console.seeOther(Console.LOGIN));
        }
        String address = proxied.clientAddress(request);
        OperatorActor who = new OperatorActor(authentication.username(), address, OperatorActor.Channel.CONSOLE);
        return authentication.secondFactor(form.code(), address).flatMap(attempt -> switch (attempt.verdict()) {
            case ACCEPTED -> signIn(request, pending, who, form.tiep());
            case THROTTLED -> audit.record(who, "ops.login.failed", null, OperatorAudit.Outcome.REFUSED, Map.of("reason", "second factor throttled"))
                    .then(pages.page(request, HttpStatus.TOO_MANY_REQUESTS, "second-step", model("", form.tiep(), attempt.throttling().message())))
                    .map(response -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(attempt.throttling().retryAfterSeconds())));
            default -> audit.record(who, "ops.login.failed", null, OperatorAudit.Outcome.REFUSED, Map.of("reason", "wrong second factor code"))
                    .then(pages.page(request, HttpStatus.UNAUTHORIZED, "second-step", model("", form.tiep(), CODE_REFUSED)));
        });
    }

    /** A session between the right password and the code, for the operator's credentials as they are now. */
    private boolean awaitsCode(StaffSession session) {
        return session.awaitsSecondFactor() && session.securityStamp().equals(stampOf(authentication.credentialStamp()));
    }

    private Mono<MutableHttpResponse<String>> signIn(HttpRequest<?> request, StaffSession previous, OperatorActor who, @Nullable String tiep) {
        return sessions.signIn(StaffSessions.OPERATOR_SCOPE, previous, OPERATOR_ACCOUNT, stampOf(authentication.credentialStamp()))
                .flatMap(session -> audit.record(who, "ops.login", null, OperatorAudit.Outcome.OK, Map.of())
                        .thenReturn(cookies.attach(request, Console.seeOther(continueTo(tiep)), session.id())));
    }

    @Post(value = "/dang-xuat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<MutableHttpResponse<String>> logout(HttpRequest<?> request, @Body TokenOnlyForm form) {
        StaffSession session = StaffRequests.session(request).orElseThrow();
        Mono<Void> audited = request.getAttribute(OperatorAuthentication.ACTOR, OperatorActor.class)
                .map(who -> audit.record(who, "ops.logout", null, OperatorAudit.Outcome.OK, Map.of()))
                .orElse(Mono.empty());
        return sessions.end(StaffSessions.OPERATOR_SCOPE, session.id()).then(audited)
                .then(Mono.fromSupplier(() -> cookies.clear(request, Console.seeOther(Console.LOGIN))));
    }

    private Mono<MutableHttpResponse<String>> refuse(HttpRequest<?> request, HttpStatus status, String username,
                                                     @Nullable String tiep, String message) {
        return pages.page(request, status, "login", model(username, tiep, message));
    }

    /** Only console pages of this host: never an absolute or protocol-relative URL (no open redirect). */
    static String continueTo(@Nullable String next) {
        return next != null && CONSOLE_PAGE.matcher(next).matches() && !next.startsWith(Console.LOGIN)
                && !next.startsWith(Console.SECOND_STEP) ? next : Console.ROOT;
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
