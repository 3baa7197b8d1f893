package vn.cong.demo;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.ContentCatalog;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.workflow.ScheduledUnpublishing;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Notices with an end of display (hết hiệu lực hiển thị): published with their end date, then the
 * scheduled-unpublishing job runs once, so a notice whose end has passed is shown taken down by the job itself.
 */
@Singleton
class DemoTimedNotices {

    private final ContentCatalog catalog;
    private final Publishing publishing;
    private final TenantDatabase db;
    private final ScheduledUnpublishing unpublishing;
    private final Clock clock;

    DemoTimedNotices(ContentCatalog catalog, Publishing publishing, TenantDatabase db, ScheduledUnpublishing unpublishing, Clock clock) {
        this.catalog = catalog;
        this.publishing = publishing;
        this.db = db;
        this.unpublishing = unpublishing;
        this.clock = clock;
    }

    /** Loads the notices whose addresses are not {@code taken} yet; emits how many the job took down. */
    Mono<Integer> load(Tenant tenant, List<DemoFile.TimedNotice> notices, Set<String> taken, long actorId) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        return Flux.fromIterable(notices.stream().filter(n -> !taken.contains(n.slug())).toList())
                .concatMap(n -> catalog.sectionId(tenant, n.section())
                        .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("timed notice " + n.slug() + ": no section " + n.section())))
                        .flatMap(section -> publishing.saveDraft(tenant, Draft.article(section, "vi", n.slug(), n.title(), n.summary(), n.body(),
                                actorId)))
                        // published before its end, which for the one already over is some days back
                        .flatMap(saved -> db.mono(tenant, c -> c.update("UPDATE content_items SET published_at = $2 WHERE id = $1",
                                        saved.id(), now.plusDays(Math.min(0, n.endsInDays()) - 7)))
                                .then(publishing.publish(tenant, saved.id(), actorId))
                                .then(db.mono(tenant, c -> c.update("UPDATE content_items SET unpublish_at = $2 WHERE id = $1", saved.id(),
                                        Sql.orNull(now.plus(Duration.ofDays(n.endsInDays())), OffsetDateTime.class))))))
                .then(unpublishing.takeDownDue(tenant, clock.instant()));
    }
}
