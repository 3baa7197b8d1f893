package vn.cong.ops.backup;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.util.List;

/** The clusters as the console and the API show them: address (never a password), label, and how many tenants live there. */
@Singleton
public class ClusterOverview {

    private final DatabaseClusters clusters;
    private final TenantRegistry registry;
    private final DatabaseConfiguration platform;

    ClusterOverview(DatabaseClusters clusters, TenantRegistry registry, DatabaseConfiguration platform) {
        this.clusters = clusters;
        this.registry = registry;
        this.platform = platform;
    }

    @Serdeable
    public record ClusterView(String name, String address, String label, boolean acceptsNew, long tenants, boolean isDefault,
                              boolean defaultForNew) {

        static ClusterView of(DatabaseClusters.Cluster c, long tenants, DatabaseClusters clusters) {
            return new ClusterView(c.name(), c.isDefault() ? "(cơ sở dữ liệu của nền tảng)" : c.host() + ":" + c.port() + "/" + c.database(),
                    c.label(), c.acceptsNew(), tenants, c.isDefault(), c.name().equals(clusters.configuration().defaultForNewTenants()));
        }
    }

    public Mono<List<ClusterView>> clusters() {
        return clusters.list().map(all -> all.stream().map(c -> {
            long tenants = registry.all().stream().filter(t -> t.database().equals(c.name())).count();
            ClusterView view = ClusterView.of(c, tenants, clusters);
            return c.isDefault() ? new ClusterView(view.name(), c.address(platform), view.label(), view.acceptsNew(), tenants, true,
                    view.defaultForNew()) : view;
        }).toList());
    }

    /** The clusters a new tenant may be put on (the console's choice). */
    /** Whether a new tenant for which no cluster is chosen goes to the cluster holding the fewest ({@code fewest}). */
    public boolean placesByCount() {
        return vn.cong.tenancy.DatabaseClusters.FEWEST.equals(clusters.configuration().defaultForNewTenants());
    }

    public Mono<List<ClusterView>> forNewTenants() {
        return clusters().map(all -> all.stream().filter(c -> c.acceptsNew() || c.defaultForNew()).toList());
    }

    /** The tenants, for the move form: code, name and where each lives now. */
    public List<Tenant> tenants() {
        return registry.all().stream().sorted(java.util.Comparator.comparing(Tenant::code)).toList();
    }
}
