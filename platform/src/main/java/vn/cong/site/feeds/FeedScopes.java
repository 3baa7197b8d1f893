package vn.cong.site.feeds;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.site.SectionNode;
import vn.cong.site.SiteStructures;
import vn.cong.tenancy.Tenant;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which items a feed or an API call is about: the whole portal, or one public section and its subsections. */
@Singleton
class FeedScopes {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+){0,20}$");

    /** {@code section} null for the whole portal; {@code sectionIds} the section and its subsections. */
    record Scope(Tenant tenant, @Nullable SectionNode section, @Nullable Long[] sectionIds) {

        String title(String lang) {
            return tenant.name(lang) + (section == null ? "" : " – " + section.name(lang));
        }
    }

    private final SiteStructures structures;

    FeedScopes(SiteStructures structures) {
        this.structures = structures;
    }

    /** The scope of section {@code slug} (null: the whole portal); empty when no such public section exists. */
    Mono<Optional<Scope>> of(Tenant tenant, @Nullable String slug) {
        if (slug == null) {
            return Mono.just(Optional.of(new Scope(tenant, null, null)));
        }
        if (!SLUG.matcher(slug).matches()) {
            return Mono.just(Optional.empty());
        }
        return structures.of(tenant).map(structure -> {
            SectionNode section = structure.bySlug().get(slug);
            return section == null || !structure.isPublic(section) ? Optional.<Scope>empty()
                    : Optional.of(new Scope(tenant, section, structure.subtreeIds(section)));
        });
    }
}
