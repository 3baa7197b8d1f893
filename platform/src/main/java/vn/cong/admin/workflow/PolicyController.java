package vn.cong.admin.workflow;

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
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.ApprovalPolicy;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.SubmissionRejected;
import vn.cong.workflow.WorkflowPolicies;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The approval policies as the data they are (levels, the roles acting at each, how many levels each
 * sensitivity needs); every staff member may read them, the tenant admin chooses the tenant's.
 */
@Controller("/quan-tri/quy-trinh/chinh-sach")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class PolicyController {

    private final WorkflowPolicies policies;
    private final AdminPages pages;

    PolicyController(WorkflowPolicies policies, AdminPages pages) {
        this.policies = policies;
        this.pages = pages;
    }

    @Serdeable
    record ChoiceForm(@Nullable String policy, @Nullable String csrfToken) implements CsrfForm {
    }

    record Requirement(String sensitivity, int levels) {
    }

    record PolicyView(ApprovalPolicy policy, boolean current, List<Requirement> requirements) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return page(request, tenant, me, HttpStatus.OK, thongbao == null ? null : "Đã đổi quy trình duyệt của cổng.", null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> choose(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ChoiceForm form) {
        if (!me.isTenantAdmin()) {
            return page(request, tenant, me, HttpStatus.FORBIDDEN, null, "Chỉ quản trị cổng được chọn quy trình duyệt.");
        }
        return policies.choose(tenant, form.policy() == null ? "" : form.policy())
                .map(changed -> WorkflowController.seeOther("/quan-tri/quy-trinh/chinh-sach?thongbao=doi"))
                .onErrorResume(SubmissionRejected.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, null,
                        e.problems().get("workflow")));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   @Nullable String notice, @Nullable String alert) {
        return Mono.zip(policies.all(tenant), policies.current(tenant)).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("policies", t.getT1().stream().map(p -> new PolicyView(p, p.code().equals(t.getT2().code()),
                    Arrays.stream(Sensitivity.values()).map(s -> new Requirement(s.label(), p.requiredLevels(s))).toList())).toList());
            model.put("canChoose", me.isTenantAdmin());
            if (notice != null) {
                model.put("notice", notice);
            }
            if (alert != null) {
                model.put("alert", alert);
            }
            return pages.page(request, status, "workflow/policies", model);
        });
    }
}
