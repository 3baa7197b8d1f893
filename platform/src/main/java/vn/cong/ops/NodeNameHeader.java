package vn.cong.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import vn.cong.system.NodeName;

/**
 * Names the node that answered ({@code X-Cong-Node}) on every response, only when the operator set
 * {@code cong.node.name}: behind a load balancer it tells which node served a request (the
 * three-node script kills exactly that one). Off by default, so nothing about the deployment leaks.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "cong.node.name", pattern = ".*\\S.*")
final class NodeNameHeader implements Ordered {

    static final String HEADER = "X-Cong-Node";

    private final String name;

    NodeNameHeader(NodeName node) {
        this.name = node.value();
    }

    /** First of all filters, so it also sees the answers later filters give themselves (unknown host, not found). */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void name(MutableHttpResponse<?> response) {
        response.getHeaders().set(HEADER, name);
    }
}
