package vn.cong.admin.accounts;

import vn.cong.admin.StaffMenu;
import vn.cong.system.VietnamTime;
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
import reactor.core.publisher.Mono;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountSettings;
import vn.cong.accounts.Role;
import vn.cong.accounts.SecondFactor;
import vn.cong.accounts.SetPasswordTokens;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.TokenOnlyForm;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** Tenant admins manage the accounts of their own tenant: list, create, edit, reset password, revoke. */
@Controller("/quan-tri/tai-khoan")
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 20, label = "Tài khoản", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class AccountsController {

    private static final String BASE = "/quan-tri/tai-khoan";
    private static final Map<String, String> NOTICES = Map.of(
            "tao", "Đã tạo tài khoản.",
            "luu", "Đã lưu thay đổi.",
            "mat-khau", "Đã đặt mật khẩu mới. Các phiên đăng nhập đang mở của tài khoản này đã kết thúc.",
            "thu-hoi", "Đã thu hồi tài khoản. Người dùng bị đăng xuất ngay và không thể đăng nhập lại.",
            "kich-hoat", "Đã kích hoạt lại tài khoản. Người dùng đăng nhập được như trước.",
            "hai-buoc", "Đã đặt lại xác thực hai bước. Các phiên đang mở của tài khoản đã kết thúc; người dùng đăng ký lại thiết bị khi cần.");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(VietnamTime.ZONE);

    private final AccountAdministration administration;
    private final AccountSettings settings;
    private final PublicLinks links;
    private final AdminPages pages;
    private final SecondFactor secondFactor;

    AccountsController(AccountAdministration administration, AccountSettings settings, PublicLinks links, AdminPages pages,
                       SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.administration = administration;
        this.settings = settings;
        this.links = links;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao) {
        return administration.list(tenant).map(AccountView::of).collectList()
                .zipWith(administration.policy(tenant))
                .flatMap(found -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("accounts", found.getT1());
                    model.put("policy", found.getT2());
                    model.put("notice", "chinh-sach".equals(thongbao) ? "Đã lưu chính sách tài khoản." : null);
                    return pages.page(request, "accounts/list", model);
                });
    }

    @io.micronaut.serde.annotation.Serdeable
    record PolicyForm(@Nullable String mfaForLeaders, @Nullable String securityBriefing, @Nullable String csrfToken)
            implements vn.cong.web.CsrfForm {
    }

    /** The tenant's account policy: second factor for leaders, security briefing for new accounts (audited). */
    @Post(value = "/chinh-sach", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<MutableHttpResponse<String>> changePolicy(Tenant tenant, StaffAccount me, @Body PolicyForm form) {
        return administration.changePolicy(tenant, me.id(),
                        new AccountAdministration.Policy(form.mfaForLeaders() != null, form.securityBriefing() != null))
                .map(policy -> seeOther(BASE + "?thongbao=chinh-sach"));
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request) {
        return createForm(request, HttpStatus.OK, AccountForm.empty(), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body AccountForm form) {
        Map<String, String> errors = form.errors(true);
        if (!errors.isEmpty()) {
            return createForm(request, HttpStatus.BAD_REQUEST, form.withoutPassword(), errors);
        }
        String username = form.normalizedUsername();
        return administration.create(tenant, me.id(), form.details(username), form.roleSet(), form.initialPassword())
                .flatMap(issued -> issued.setPasswordToken() == null
                        ? Mono.just(seeOther(BASE + "/" + issued.accountId() + "?thongbao=tao"))
                        : linkPage(request, tenant, issued.accountId(), username, issued.setPasswordToken(), true))
                .switchIfEmpty(Mono.defer(() -> createForm(request, HttpStatus.CONFLICT, form.withoutPassword(),
                        Map.of("username", "Tên đăng nhập này đã có trong cổng. Vui lòng chọn tên khác."))));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, long id, @Nullable @QueryValue String thongbao) {
        return administration.find(tenant, id).map(AccountView::of)
                .flatMap(account -> editPage(request, HttpStatus.OK, account, account.toForm(), Map.of(), thongbao == null ? null : NOTICES.get(thongbao)))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body AccountForm form) {
        return administration.find(tenant, id).map(AccountView::of).flatMap(account -> {
            Map<String, String> errors = new HashMap<>(form.errors(false));
            if (id == me.id() && !form.roleSet().contains(Role.TENANT_ADMIN)) {
                errors.put("roles", "Bạn không thể tự bỏ vai trò " + Role.TENANT_ADMIN.label() + " của chính mình.");
            }
            if (!errors.isEmpty()) {
                return editPage(request, HttpStatus.BAD_REQUEST, account, form.withoutPassword(), errors, null);
            }
            return administration.update(tenant, me.id(), id, form.details(account.username()), form.roleSet())
                    .map(updated -> seeOther(BASE + "/" + id + "?thongbao=luu"));
        }).switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}/mat-khau", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> resetPassword(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                                    @Body PasswordResetForm form) {
        return administration.find(tenant, id).map(AccountView::of).flatMap(account -> {
            var error = AccountForm.passwordError(form.passwordMode(), form.password());
            if (error.isPresent()) {
                return editPage(request, HttpStatus.BAD_REQUEST, account, account.toForm(), Map.of("newPassword", error.get()), null);
            }
            if (!account.active()) {
                return editPage(request, HttpStatus.CONFLICT, account, account.toForm(),
                        Map.of("newPassword", "Tài khoản đã bị thu hồi nên không thể đặt lại mật khẩu."), null);
            }
            return administration.resetPassword(tenant, me.id(), id, form.newPassword())
                    .flatMap(issued -> issued.setPasswordToken() == null
                            ? Mono.just(seeOther(BASE + "/" + id + "?thongbao=mat-khau"))
                            : linkPage(request, tenant, id, account.username(), issued.setPasswordToken(), false));
        }).switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}/thu-hoi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> revoke(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return administration.find(tenant, id).map(AccountView::of).flatMap(account -> {
            if (id == me.id()) {
                return editPage(request, HttpStatus.CONFLICT, account, account.toForm(),
                        Map.of("revoke", "Bạn không thể tự thu hồi tài khoản của chính mình."), null);
            }
            return administration.revoke(tenant, me.id(), id).map(done -> seeOther(BASE + "/" + id + "?thongbao=thu-hoi"));
        }).switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    @Post(value = "/{id}/kich-hoat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> reactivate(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return administration.find(tenant, id)
                .flatMap(account -> administration.reactivate(tenant, me.id(), id).map(done -> seeOther(BASE + "/" + id + "?thongbao=kich-hoat")))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    /** A lost device: the second factor is switched off (audited), the account enrols again when it must. */
    @Post(value = "/{id}/xac-thuc-hai-buoc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> resetSecondFactor(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                                        @Body TokenOnlyForm form) {
        return secondFactor.reset(tenant, me.id(), id)
                .map(done -> seeOther(BASE + "/" + id + "?thongbao=hai-buoc"))
                .switchIfEmpty(Mono.defer(() -> notFound(request)));
    }

    private Mono<MutableHttpResponse<String>> createForm(HttpRequest<?> request, HttpStatus status, AccountForm form, Map<String, String> errors) {
        return pages.page(request, status, "accounts/create", Map.of("form", form, "errors", errors));
    }

    private Mono<MutableHttpResponse<String>> editPage(HttpRequest<?> request, HttpStatus status, AccountView account,
                                                      AccountForm form, Map<String, String> errors, @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("form", form);
        model.put("errors", errors);
        model.put("notice", notice);
        return pages.page(request, status, "accounts/edit", model);
    }

    /** The one-time link is shown here once and never again: only its digest is stored. */
    private Mono<MutableHttpResponse<String>> linkPage(HttpRequest<?> request, Tenant tenant, long id, String username, String token, boolean created) {
        return pages.page(request, created ? HttpStatus.CREATED : HttpStatus.OK, "accounts/link", Map.of(
                "accountId", id,
                "username", username,
                "created", created,
                "link", links.tenant(tenant, SetPasswordTokens.path(token)),
                "expires", TIME.format(Instant.now().plus(settings.setPasswordValidity()))));
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy tài khoản",
                "message", "Không có tài khoản này trong cổng.", "linkHref", BASE, "linkText", "Về danh sách tài khoản"));
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }
}
