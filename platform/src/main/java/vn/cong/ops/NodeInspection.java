package vn.cong.ops;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.web.ProxiedRequests;
import vn.cong.tenancy.HostKind;
import vn.cong.tenancy.TenantRequests;

import java.util.Map;

/**
 * Who may look inside a node (health details, metrics): requests from {@link InternalAddresses}, and
 * the platform operator authenticated with HTTP Basic on the operator host. Everyone else sees only
 * whether the node is up.
 */
@Singleton
class NodeInspection {

    private final InternalAddresses internal;
    private final OperatorAuthentication authentication;
    private final OperatorAudit audit;
    private final ProxiedRequests proxied;

    NodeInspection(InternalAddresses internal, OperatorAuthentication authentication, OperatorAudit audit,
                   ProxiedRequests proxied) {
        this.internal = internal;
        this.authentication = authentication;
        this.audit = audit;
        this.proxied = proxied;
    }

    Mono<Boolean> allowed(HttpRequest<?> request) {
        if (internal.isInternal(request)) {
            return Mono.just(true);
        }
        if (TenantRequests.hostKind(request) != HostKind.OPERATOR) {
            return Mono.just(false);
        }
        // the operator's Basic login here is throttled like the operator API's (refused while throttled)
        return authentication.authenticate(request, proxied.clientAddress(request)).flatMap(attempt -> switch (attempt.verdict()) {
            case ACCEPTED -> Mono.just(true);
            case REJECTED -> audit.record(new OperatorActor(OperatorAuthentication.basicUsername(request),
                            proxied.clientAddress(request), OperatorActor.Channel.API), "ops.login.failed", null,
                            OperatorAudit.Outcome.REFUSED, Map.of("path", request.getPath()))
                    .thenReturn(false);
            case MISSING, NOT_CONFIGURED, THROTTLED -> Mono.just(false);
        });
    }
}
