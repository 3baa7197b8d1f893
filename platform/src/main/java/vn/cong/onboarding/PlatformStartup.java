package vn.cong.onboarding;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.TenantSchemaUpgrade;

import java.nio.file.Files;

/** At start-up: schemas checked (those behind migrated, by default while serving), then the manifests in {@code cong.tenants-dir} applied. */
@Singleton
class PlatformStartup {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformStartup.class);

    private final TenantSchemaUpgrade upgrade;
    private final ManifestDirectory manifests;
    private final PlatformConfiguration config;
    private final boolean applyManifests;

    PlatformStartup(TenantSchemaUpgrade upgrade, ManifestDirectory manifests, PlatformConfiguration config,
                    @Value("${cong.startup.apply-manifests:true}") boolean applyManifests) {
        this.upgrade = upgrade;
        this.manifests = manifests;
        this.config = config;
        this.applyManifests = applyManifests;
    }

    /**
     * The manifests are applied once every schema is current: at once when none was behind, otherwise when the
     * schemas behind have been migrated while the node serves ({@link TenantSchemaUpgrade#startUp()}).
     */
    @EventListener
    void onStartup(StartupEvent event) {
        var upgraded = upgrade.startUp();
        if (upgraded.isDone()) {
            applyManifests(); // as before: a manifest that cannot be applied stops the start
            return;
        }
        upgraded.thenRun(this::applyManifests).exceptionally(e -> {
            LOG.error("Manifests in {} not applied after the tenant schemas were migrated", config.tenantsDir(), e);
            return null;
        });
    }

    private void applyManifests() {
        if (applyManifests && config.tenantsDir() != null) {
            if (Files.isDirectory(config.tenantsDir())) {
                manifests.apply(config.tenantsDir()).collectList().block();
            } else {
                LOG.warn("cong.tenants-dir {} is not a folder: no manifests applied", config.tenantsDir().toAbsolutePath());
            }
        }
    }
}
