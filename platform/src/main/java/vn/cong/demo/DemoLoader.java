package vn.cong.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantSchemaUpgrade;
import vn.cong.tenancy.TenantRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * After the server has started (so the portals already answer), loads each {@code <code>.yaml} of the
 * demo folder into the tenant of that code, in the background, one tenant after another. Loading adds
 * only what is missing, so a restart changes nothing; a tenant's failure is logged and the others go on.
 */
@Singleton
@Requires(property = "cong.demo.enabled", value = "true")
public class DemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoConfiguration config;
    private final PlatformConfiguration platform;
    private final TenantRegistry registry;
    private final DemoTenant demo;
    private final DemoFederation federation;
    private final TenantDatabase tenantDb;
    private final TenantSchemaUpgrade upgrade;

    DemoLoader(DemoConfiguration config, PlatformConfiguration platform, TenantRegistry registry, DemoTenant demo,
               DemoFederation federation, TenantDatabase tenantDb, TenantSchemaUpgrade upgrade) {
        this.tenantDb = tenantDb;
        this.upgrade = upgrade;
        this.federation = federation;
        this.config = config;
        this.platform = platform;
        this.registry = registry;
        this.demo = demo;
    }

    private volatile Mono<List<DemoTenant.Report>> firstLoad = Mono.empty();

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        // after the schemas behind this release are migrated (while serving, they may still be when the server starts)
        firstLoad = upgrade.schemasCurrent().then(Mono.defer(() -> loadAll().collectList()))
                .subscribeOn(Schedulers.boundedElastic()).cache();
        firstLoad.subscribe(reports -> { }, e -> LOG.error("Demo content could not be loaded", e));
    }

    /** Completes when the load started with the server has loaded every demo file (for tests). */
    public Mono<Void> loaded() {
        return firstLoad.then();
    }

    /** The load started with the server, complete when every demo file has been loaded. */
    Mono<List<DemoTenant.Report>> firstLoad() {
        return firstLoad;
    }

    /** Loads every demo file; emits one report per tenant. */
    Flux<DemoTenant.Report> loadAll() {
        Path dir = folder();
        if (dir == null || !Files.isDirectory(dir)) {
            LOG.info("No demo folder ({}): no demo content loaded", dir);
            return Flux.empty();
        }
        return Flux.fromIterable(files(dir)).concatMap(file -> {
            String code = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Tenant tenant = registry.findByCode(code).orElse(null);
            if (tenant == null) {
                LOG.warn("Demo file {} names no tenant: skipped", file);
                return Mono.empty();
            }
            DemoFile content;
            try {
                content = DemoFile.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                LOG.error("Demo file {} cannot be read: {}", file, e.getMessage());
                return Mono.empty();
            }
            return demo.load(tenant, content, file.getParent().resolve("media"))
                    .flatMap(report -> federation.load(tenant, content.federation()).thenReturn(report))
                    .flatMap(report -> tenantDb.analyse(tenant).thenReturn(report))
                    .doOnNext(report -> LOG.info("Demo content for {}: {}", code, report))
                    .onErrorResume(e -> {
                        LOG.error("Demo content for {} stopped: {}", code, e.toString(), e);
                        return Mono.empty();
                    });
        });
    }

    private Path folder() {
        if (config.dir() != null) {
            return config.dir();
        }
        return platform.tenantsDir() == null ? null : platform.tenantsDir().resolve("demo");
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("[a-z][a-z0-9_]*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
