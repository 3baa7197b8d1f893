package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.net.URI;
import java.util.Map;

/**
 * The security briefing (seed 001 Đ5.1a): a new account reads and acknowledges it before anything else in
 * the staff area ({@link StaffGates}); the acknowledgement is recorded with its time in the audit log.
 */
@Controller(BriefingController.PATH)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class BriefingController {

    static final String PATH = "/quan-tri/quy-dinh-bao-mat";

    private final OwnAccountSecurity own;
    private final AdminPages pages;

    BriefingController(OwnAccountSecurity own, AdminPages pages) {
        this.own = own;
        this.pages = pages;
    }

    @Serdeable
    record AcknowledgeForm(@Nullable String csrfToken, @Nullable String tiep) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, @Nullable @QueryValue String tiep) {
        return pages.page(request, "briefing", Map.of("briefing", OwnAccountSecurity.BRIEFING, "tiep", tiep == null ? "" : tiep,
                "due", request.getAttribute(StaffAccount.BRIEFING_DUE, Boolean.class).orElse(false)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<MutableHttpResponse<String>> acknowledge(Tenant tenant, StaffAccount me, @Body AcknowledgeForm form) {
        return own.acknowledgeBriefing(tenant, me.id())
                .map(first -> HttpResponse.<String>seeOther(URI.create(LoginController.continueTo(form.tiep()))));
    }
}
