package vn.cong.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What operators see of the tenants: names, hosts, lifecycle and migration state. Read from the
 * platform schema, not from this node's registry copy, so it is current even right after a change
 * made on another node; only the schema upgrade this node runs after start-up comes from its registry ("upgrading").
 */
@Singleton
public class TenantOverview {

    private static final String SELECT = """
            SELECT t.code, t.name_vi, t.name_en, t.abbreviation, t.parent_code, t.domain, t.status, t.status_notice,
                   t.migration_status, t.migration_error,
                   coalesce((SELECT array_agg(a.host ORDER BY a.host) FROM platform.domain_aliases a
                             WHERE a.tenant_code = t.code), '{}') AS aliases
            FROM platform.tenants t""";

    private final PlatformDatabase platform;
    private final TenantRegistry registry;
    private final PlatformConfiguration config;

    public TenantOverview(PlatformDatabase platform, TenantRegistry registry, PlatformConfiguration config) {
        this.platform = platform;
        this.registry = registry;
        this.config = config;
    }

    public Flux<TenantView> list() {
        return platform.flux(c -> c.query(SELECT + " ORDER BY t.parent_code NULLS FIRST, t.code", this::toView));
    }

    public Mono<TenantDetail> find(String code) {
        return platform.mono(c -> c.one(SELECT + " WHERE t.code = $1", this::toView, code)
                .flatMap(view -> registry.read(c, code).flatMapMany(tenant -> c.forTenant(tenant).query("""
                                SELECT from_status, to_status, notice, actor, changed_at FROM platform.tenant_status_changes
                                WHERE tenant_code = $1 ORDER BY id""",
                        r -> new StatusChangeView(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                                r.get(3, String.class), r.get(4, OffsetDateTime.class))))
                        .collectList()
                        .map(history -> new TenantDetail(view, history))));
    }

    private TenantView toView(Readable r) {
        String abbreviation = r.get("abbreviation", String.class);
        String parent = r.get("parent_code", String.class);
        List<String> hosts = new ArrayList<>();
        String domain = r.get("domain", String.class) == null ? config.baseDomain() : r.get("domain", String.class);
        if (parent == null) {
            // a root answers on its domain and www (its primary host is one of them, or its own label)
            String primary = domain.startsWith(abbreviation + ".") ? domain : abbreviation + "." + domain;
            hosts.add(primary);
            for (String host : List.of("www." + domain, domain)) {
                if (!hosts.contains(host)) {
                    hosts.add(host);
                }
            }
        } else {
            hosts.add(abbreviation + "." + domain);
        }
        String[] aliases = r.get("aliases", String[].class);
        if (aliases != null) {
            hosts.addAll(List.of(aliases));
        }
        return new TenantView(r.get("code", String.class),
                new Names(r.get("name_vi", String.class), r.get("name_en", String.class)),
                abbreviation, parent, hosts, r.get("status", String.class), r.get("status_notice", String.class),
                // a schema this node is migrating after start-up is this node's knowledge: its registry says so
                registry.isUpgrading(r.get("code", String.class)) ? Tenant.MigrationStatus.UPGRADING.db() : r.get("migration_status", String.class),
                r.get("migration_error", String.class));
    }

    @Serdeable
    public record Names(String vi, String en) {
    }

    @Serdeable
    public record TenantView(String code, Names name, String abbreviation, @Nullable String parent, List<String> hosts,
                             String status, @Nullable String statusNotice, String migrationStatus,
                             @Nullable String migrationError) {
    }

    @Serdeable
    public record StatusChangeView(String from, String to, @Nullable String notice, String actor, OffsetDateTime at) {
    }

    @Serdeable
    public record TenantDetail(TenantView tenant, List<StatusChangeView> statusHistory) {
    }
}
