package vn.cong.system;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.InetAddress;

/**
 * What this node calls itself: {@code cong.node.name} when the operator set it (three nodes on one
 * machine, a Kubernetes pod name), else host name and process id. Job claims record it; when set it
 * is also sent back on every response ({@code X-Cong-Node}) so a script behind a balancer can tell
 * which node answered.
 */
@Singleton
public class NodeName {

    private final String configured;

    public NodeName(@Value("${cong.node.name:}") String configured) {
        this.configured = configured == null ? "" : configured.strip();
    }

    /** True when the operator named this node. */
    public boolean configured() {
        return !configured.isEmpty();
    }

    public String value() {
        if (configured()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node/" + ProcessHandle.current().pid();
        }
    }
}
