package vn.cong.admin.workflow;

import vn.cong.admin.StaffMenu;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.api.ApiTokens;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.HashMap;
import java.util.Map;

/**
 * The tenant admin issues and revokes API tokens for accounts (a document-management system acts as
 * the account it was given). A new token is shown once; only its hash is kept.
 */
@Controller("/quan-tri/ma-api")
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 30, label = "Mã API", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class ApiTokensController {

    private final ApiTokens tokens;
    private final AccountAdministration accounts;
    private final AdminPages pages;

    ApiTokensController(ApiTokens tokens, AccountAdministration accounts, AdminPages pages) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.pages = pages;
    }

    @Serdeable
    record IssueForm(@Nullable String accountId, @Nullable String name, @Nullable String csrfToken) implements CsrfForm {
    }

    record Line(long id, String name, String username, String created, String lastUsed, boolean revoked) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return page(request, tenant, HttpStatus.OK, null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> issue(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body IssueForm form) {
        long accountId;
        try {
            accountId = Long.parseLong(form.accountId() == null ? "" : form.accountId().strip());
        } catch (NumberFormatException e) {
            return page(request, tenant, HttpStatus.BAD_REQUEST, null, "Hãy chọn tài khoản mà hệ thống sẽ dùng.");
        }
        if (form.name() == null || form.name().isBlank()) {
            return page(request, tenant, HttpStatus.BAD_REQUEST, null, "Hãy đặt tên cho mã (ví dụ: Hệ thống quản lý văn bản).");
        }
        return tokens.issue(tenant, accountId, form.name().strip(), me.id())
                .flatMap(issued -> page(request, tenant, HttpStatus.OK, issued.token(), null))
                .switchIfEmpty(Mono.defer(() -> page(request, tenant, HttpStatus.BAD_REQUEST, null, "Tài khoản không tồn tại hoặc đã bị thu hồi.")));
    }

    @Post(value = "/{id}/thu-hoi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> revoke(Tenant tenant, long id, @Body TokenOnlyForm form) {
        return tokens.revoke(tenant, id).thenReturn(WorkflowController.seeOther("/quan-tri/ma-api"));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, @Nullable String newToken,
                                                   @Nullable String alert) {
        return Mono.zip(tokens.list(tenant), accounts.list(tenant).filter(a -> a.status() == vn.cong.accounts.Account.Status.ACTIVE).collectList())
                .flatMap(t -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("lines", t.getT1().stream().map(l -> new Line(l.id(), l.name(), l.username(), ItemPage.format(l.createdAt()),
                            ItemPage.format(l.lastUsedAt()), l.revoked())).toList());
                    model.put("accounts", t.getT2());
                    if (newToken != null) {
                        model.put("newToken", newToken);
                    }
                    if (alert != null) {
                        model.put("alert", alert);
                    }
                    return pages.page(request, status, "workflow/api-tokens", model);
                });
    }
}
