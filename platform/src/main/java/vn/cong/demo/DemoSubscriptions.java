package vn.cong.demo;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.content.translations.Translations;
import vn.cong.subscriptions.Frequency;
import vn.cong.subscriptions.Subscriptions;
import vn.cong.subscriptions.Topic;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.util.List;
import java.util.Optional;

/**
 * The demo's confirmed subscribers and its English versions linked to their Vietnamese items (an about page, a news article),
 * through the platform's own services. Subscribers only on a tenant that has none yet; a translation only where its
 * Vietnamese item exists and has no translation yet, so nothing the tenant's staff did is touched.
 */
@Singleton
class DemoSubscriptions {

    private final Subscriptions subscriptions;
    private final Translations translations;
    private final AboutPages about;
    private final Publishing publishing;
    private final TenantDatabase db;

    DemoSubscriptions(Subscriptions subscriptions, Translations translations, AboutPages about, Publishing publishing, TenantDatabase db) {
        this.subscriptions = subscriptions;
        this.translations = translations;
        this.about = about;
        this.publishing = publishing;
        this.db = db;
    }

    /** Emits how many subscribers and translations were added. */
    Mono<Long> load(Tenant tenant, List<DemoFile.Subscription> subscribers, List<DemoFile.Translation> wanted, long actor) {
        Mono<Long> added = db.mono(tenant, c -> c.one("SELECT count(*) FROM subscriptions", r -> r.get(0, Long.class)))
                .flatMap(n -> n > 0 ? Mono.just(0L) : Flux.fromIterable(subscribers).concatMap(s -> topic(tenant, s)
                        .flatMap(topic -> subscriptions.addConfirmed(tenant, s.email(), "vi", topic,
                                Frequency.parse(s.frequency()).orElseThrow()))).count());
        return added.flatMap(n -> Flux.fromIterable(wanted).concatMap(t -> translation(tenant, t, actor)).count().map(m -> n + m));
    }

    private Mono<Topic> topic(Tenant tenant, DemoFile.Subscription s) {
        return s.kind() != null ? Mono.just(Topic.kind(s.kind()))
                : db.mono(tenant, c -> c.one("SELECT id FROM sections WHERE slug = $1", r -> Topic.section(r.get(0, Long.class)), s.section()));
    }

    private Mono<Boolean> translation(Tenant tenant, DemoFile.Translation t, long actor) {
        Mono<Long> vietnamese = t.about() != null
                ? about.page(tenant, StandingRole.ofDb(t.about()).orElseThrow(() -> new IllegalArgumentException("no about page " + t.about())), "vi")
                        .map(AboutPages.TextPage::id)
                : db.mono(tenant, c -> c.one("SELECT id FROM content_items WHERE language = 'vi' AND slug = $1", r -> r.get(0, Long.class), t.article()));
        return vietnamese.flatMap(viId -> translations.linked(tenant, viId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .filter(Optional::isEmpty)
                .flatMap(none -> english(tenant, t, viId, actor))
                .flatMap(enId -> translations.link(tenant, viId, enId, actor).thenReturn(true)));
    }

    /** Writes and publishes the English item. */
    private Mono<Long> english(Tenant tenant, DemoFile.Translation t, long viId, long actor) {
        if (t.about() != null) {
            StandingRole role = StandingRole.ofDb(t.about()).orElseThrow();
            return about.saveText(tenant, role, "en", t.title(), t.body(), 0, actor)
                    .flatMap(saved -> publishing.publish(tenant, saved.id(), actor)).map(p -> p.id());
        }
        // an English article the manifest already has is linked as it is
        Mono<Long> existing = db.mono(tenant, c -> c.one("SELECT id FROM content_items WHERE language = 'en' AND slug = $1", r -> r.get(0, Long.class),
                t.slug()));
        return existing.switchIfEmpty(Mono.defer(() -> db.mono(tenant, c -> c.one("SELECT section_id FROM content_items WHERE id = $1",
                        r -> Optional.ofNullable(r.get(0, Long.class)), viId))
                .flatMap(section -> publishing.saveDraft(tenant, Draft.article(section.orElse(null), "en", t.slug(), t.title(), t.summary(),
                        t.body(), actor)))
                .flatMap(saved -> publishing.publish(tenant, saved.id(), actor)).map(p -> p.id())));
    }
}
