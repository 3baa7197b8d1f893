package vn.cong.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.concurrent.CountDownLatch;

/** Test-only endpoints: a controller that logs around a tenant query, and one that waits to be released. */
@Requires(property = "cong.test.probe", value = "true")
@Controller("/probe")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProbeController {

    static final Logger LOG = LoggerFactory.getLogger(ProbeController.class);

    /** Counted down when a slow request has arrived; the test then releases it through {@link #release}. */
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile Sinks.Empty<Void> release = Sinks.empty();

    private final TenantDatabase db;

    ProbeController(TenantDatabase db) {
        this.db = db;
    }

    @Get("/log")
    @Produces(MediaType.TEXT_PLAIN)
    Mono<String> log(Tenant tenant) {
        LOG.info("probe before query");
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM sections", r -> r.get(0, Long.class)))
                .map(sections -> {
                    LOG.info("probe after query, {} sections", sections);
                    return "ok";
                });
    }

    @Get("/slow")
    @Produces(MediaType.TEXT_PLAIN)
    Mono<String> slow() {
        entered.countDown();
        return release.asMono().thenReturn("finished");
    }
}
