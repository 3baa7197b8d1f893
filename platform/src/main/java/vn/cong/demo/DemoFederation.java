package vn.cong.demo;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.federation.FederationChoices;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

/**
 * A root's {@code federation} demo key: its news block size and the members that opt in, each saved in the portal's
 * own transaction through the service the staff screen uses; only for a portal that has never chosen, so what a
 * tenant admin chose survives restarts.
 */
@Singleton
class DemoFederation {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFederation.class);

    private final FederationChoices choices;
    private final MinistryFederation federation;
    private final TenantRegistry registry;

    DemoFederation(FederationChoices choices, MinistryFederation federation, TenantRegistry registry) {
        this.choices = choices;
        this.federation = federation;
        this.registry = registry;
    }

    /** Emits how many portals it set. */
    Mono<Long> load(Tenant root, @Nullable DemoFile.Federation demo) {
        if (demo == null || !root.isMinistry()) {
            return Mono.just(0L);
        }
        Mono<Long> block = federation.hasChosen(root)
                .flatMap(chosen -> chosen ? Mono.just(0L) : choices.saveNewsBlock(root, demo.newsBlock(), null).thenReturn(1L));
        Flux<Long> members = Flux.fromIterable(demo.members()).concatMap(m -> {
            Tenant member = registry.findByCode(m.code()).filter(t -> root.code().equals(t.parentCode())).orElse(null);
            if (member == null) {
                LOG.warn("Demo federation of {}: {} is not one of its members", root.code(), m.code());
                return Mono.just(0L);
            }
            return federation.hasChosen(member)
                    .flatMap(chosen -> chosen ? Mono.just(0L) : choices.saveMember(member, m.search(), m.news(), null).thenReturn(1L));
        });
        return block.concatWith(members).reduce(0L, Long::sum);
    }
}
