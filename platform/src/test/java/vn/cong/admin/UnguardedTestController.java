package vn.cong.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import vn.cong.web.CsrfProtected;

import java.util.concurrent.atomic.AtomicInteger;

/** A staff route someone forgot to mark {@link CsrfProtected}: the staff area must refuse it. */
@Requires(property = "test.unguarded-route", value = "true")
@Controller("/quan-tri/thu-nghiem")
@Secured(SecurityRule.IS_ANONYMOUS)
class UnguardedTestController {

    static final AtomicInteger CALLS = new AtomicInteger();

    @Post(value = "/khong-bao-ve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> change() {
        CALLS.incrementAndGet();
        return HttpResponse.ok("changed");
    }
}
