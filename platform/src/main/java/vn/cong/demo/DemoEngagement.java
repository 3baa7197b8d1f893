package vn.cong.demo;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Account;
import vn.cong.accounts.Role;
import vn.cong.content.consultations.Consultations;
import vn.cong.engagement.CommentModeration;
import vn.cong.engagement.Comments;
import vn.cong.engagement.PetitionDesk;
import vn.cong.engagement.Petitions;
import vn.cong.engagement.Units;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's comments on drafts and petitions, loaded through the platform's own services as the tenant's staff would
 * handle them: the desk (or, without one, an editor) takes comments in inside each draft's window and moderates them,
 * enters the drafting unit's response on a closed draft; the desk takes petitions in and moves each to its status.
 * Only on a tenant that has no comment (no petition) yet, so nothing its staff did is touched.
 */
@Singleton
class DemoEngagement {

    private final Consultations consultations;
    private final Comments comments;
    private final CommentModeration moderation;
    private final Petitions petitions;
    private final PetitionDesk petitionDesk;
    private final Units units;
    private final DemoApprovals approvals;
    private final java.time.Clock clock;

    DemoEngagement(Consultations consultations, Comments comments, CommentModeration moderation, Petitions petitions, PetitionDesk petitionDesk,
                   Units units, DemoApprovals approvals, java.time.Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
        this.consultations = consultations;
        this.comments = comments;
        this.moderation = moderation;
        this.petitions = petitions;
        this.petitionDesk = petitionDesk;
        this.units = units;
    }

    /** Loads the comments of {@code drafts} and the {@code wanted} petitions; the number of comments and petitions added. */
    Mono<Long> load(Tenant tenant, List<DemoFile.Consultation> drafts, List<DemoFile.Petition> wanted, List<Account> staff) {
        Optional<Actor> desk = first(staff, Role.QA_DESK);
        Optional<Actor> moderator = desk.or(() -> first(staff, Role.EDITOR)).or(() -> first(staff, Role.HEAD));
        Mono<Long> added = moderator.isEmpty() ? Mono.just(0L)
                : comments.any(tenant).flatMap(any -> any ? Mono.just(0L) : Flux.fromIterable(drafts)
                .concatMap(d -> commentsOf(tenant, d, moderator.get())).reduce(0L, Long::sum));
        return added.flatMap(n -> desk.isEmpty() || wanted.isEmpty() ? Mono.just(n)
                : petitions.any(tenant).flatMap(any -> any ? Mono.just(n) : Flux.fromIterable(wanted)
                .concatMap(p -> petition(tenant, p, desk.get(), staff)).count().map(count -> n + count)));
    }

    private static Optional<Actor> first(List<Account> staff, Role role) {
        return staff.stream().filter(a -> a.hasRole(role)).findFirst().map(a -> new Actor(a.id(), a.fullName(), a.roles()));
    }

    private Mono<Long> commentsOf(Tenant tenant, DemoFile.Consultation draft, Actor moderator) {
        if (draft.comments().isEmpty() && draft.response() == null) {
            return Mono.just(0L);
        }
        return consultations.detail(tenant, "vi", draft.slug()).flatMap(found -> found.map(d -> {
            Consultations.Consultation c = d.consultation();
            Duration spacing = Duration.between(c.fields().opensAt(), c.fields().closesAt()).dividedBy(draft.comments().size() + 2L);
            Flux<Long> taken = Flux.range(0, draft.comments().size()).concatMap(i -> {
                DemoFile.Comment m = draft.comments().get(i);
                // spread inside the window, never later than now for a draft still open
                java.time.OffsetDateTime at = c.fields().opensAt().plus(spacing.multipliedBy(i + 1L));
                java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
                java.time.OffsetDateTime when = at.isAfter(now) ? now.minusHours(draft.comments().size() - i) : at;
                return comments.takeIn(tenant, c.id(), m.name(), m.organisation(), m.body(), when).flatMap(id -> switch (m.status()) {
                    case "approved" -> moderation.approve(tenant, id, moderator);
                    case "hidden" -> moderation.hide(tenant, id, m.reason(), moderator);
                    default -> Mono.<Void>empty();
                }).thenReturn(1L);
            });
            Mono<Void> response = draft.response() == null ? Mono.empty()
                    : units.named(tenant, draft.response().unit()).flatMap(unit -> moderation.respond(tenant, c.id(),
                    unit.map(vn.cong.engagement.Unit::id).orElse(null), draft.response().text(), true, moderator));
            return taken.count().flatMap(n -> response.thenReturn(n));
        }).orElseGet(() -> Mono.just(0L)));
    }

    private Mono<Long> petition(Tenant tenant, DemoFile.Petition p, Actor desk, List<Account> staff) {
        // taken in days ago when the file says so: with no step since, the demo's deadline board shows it overdue
        java.time.OffsetDateTime received = java.time.OffsetDateTime.now(clock).minusDays(p.receivedDaysAgo());
        return petitions.takeIn(tenant, p.title(), p.body(), p.senderName(), received).flatMap(id -> {
            if ("received".equals(p.status())) {
                return Mono.just(id);
            }
            Mono<Void> forwarded = units.named(tenant, p.unit()).flatMap(unit -> unit.isEmpty()
                    ? Mono.error(new IllegalArgumentException("petitions: no unit named " + p.unit()))
                    : petitionDesk.forward(tenant, id, unit.get().id(), desk));
            Mono<Void> answered = "forwarded".equals(p.status()) ? Mono.empty() : petitionDesk.answer(tenant, id, p.answer(), desk);
            // a published petition's answer goes through the tenant's approval policy first, as the desk's would
            Mono<Void> finished = "closed".equals(p.status()) ? petitionDesk.finish(tenant, id, false, null, null, desk)
                    : "published".equals(p.status()) ? petitionDesk.sendForApproval(tenant, id, "routine", null, desk)
                    .flatMap(o -> approvals.through(tenant, o, staff, true)).then() : Mono.empty();
            return forwarded.then(answered).then(finished).thenReturn(id);
        });
    }
}
