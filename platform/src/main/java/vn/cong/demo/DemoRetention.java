package vn.cong.demo;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Account;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ArchiveItem;
import vn.cong.workflow.RetentionArchive;
import vn.cong.workflow.TakeDownItem;

import java.util.List;

/**
 * The staff archive's demo [001 Đ13]: items of the imported history archived after their period, and the head's
 * takedown with a legal basis inside one (a retention override), each through the workflow step a person would take.
 * Idempotent: an item no longer published (the step already taken) is left alone.
 */
@Singleton
class DemoRetention {

    private final RetentionArchive archive;
    private final ArchiveItem archiveItem;
    private final TakeDownItem takeDown;

    DemoRetention(RetentionArchive archive, ArchiveItem archiveItem, TakeDownItem takeDown) {
        this.archive = archive;
        this.archiveItem = archiveItem;
        this.takeDown = takeDown;
    }

    Mono<Long> load(Tenant tenant, List<DemoFile.RetentionStep> steps, List<Account> staff) {
        return Flux.fromIterable(steps).concatMap(step -> {
            Account who = staff.stream().filter(a -> a.username().equals(step.by())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("retention: no staff account " + step.by()));
            Actor actor = new Actor(who.id(), who.fullName(), who.roles());
            return archive.publishedByExternalId(tenant, step.item())
                    .flatMap(item -> "archive".equals(step.step())
                            ? archiveItem.archive(tenant, item.id(), item.version(), actor, step.reason())
                            : takeDown.takeDownWithLegalBasis(tenant, item.id(), item.version(), actor, step.reason()));
        }).count();
    }
}
