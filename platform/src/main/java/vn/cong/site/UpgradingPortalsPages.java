package vn.cong.site;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.SchemasUpgrading;

import java.time.Duration;

/**
 * While this node migrates a portal's schema after start-up, the portal answers from its cached pages only; pages live
 * {@code page-ttl} (5 min) after they were drawn, so a portal whose turn comes later would lose them and answer the
 * upgrade notice instead. Their shared copies are kept for {@link #KEEP} more: nothing can change them meanwhile on
 * this node (the portal's writes are refused), and a change made on another node moves the portal's content version,
 * so a kept page of the version before is never asked for again.
 */
@Singleton
class UpgradingPortalsPages {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradingPortalsPages.class);

    /** Longer than an upgrade of thousands of schemas takes (2,000 in one database: under five minutes, README). */
    static final Duration KEEP = Duration.ofMinutes(30);

    private final SharedPageStore shared;

    UpgradingPortalsPages(SharedPageStore shared) {
        this.shared = shared;
    }

    @EventListener
    void onUpgrading(SchemasUpgrading upgrading) {
        long started = System.nanoTime();
        shared.keep(upgrading.codes(), KEEP)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(kept -> LOG.info("Cached pages of the {} portals being upgraded: {} kept {} more ({} ms)",
                                upgrading.codes().size(), kept, KEEP, (System.nanoTime() - started) / 1_000_000),
                        e -> LOG.warn("Cached pages of the portals being upgraded could not be kept longer: {}", e.toString()));
    }
}
