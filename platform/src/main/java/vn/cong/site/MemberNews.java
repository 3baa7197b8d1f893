package vn.cong.site;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;

import java.util.Comparator;
import java.util.List;

/**
 * The root portal's "news from the units" block (tin từ các đơn vị): the newest articles of the members that
 * opted in, read one member at a time in its own tenant transaction (a few at once, each given the federation
 * timeout; a member that does not answer is left out of this rendering), newest first, each card naming its
 * portal and linking to the member's primary host. The root's home is cached; a member that shows its news here
 * moves the root's content version whenever it publishes ({@code tenancy.ContentVersion}), so every node renders
 * the block afresh.
 */
@Singleton
class MemberNews {

    private static final Logger LOG = LoggerFactory.getLogger(MemberNews.class);

    private final MinistryFederation federation;
    private final PublicContent content;
    private final PublicLinks links;
    private final MinistryFederationConfiguration config;

    MemberNews(MinistryFederation federation, PublicContent content, PublicLinks links, MinistryFederationConfiguration config) {
        this.federation = federation;
        this.content = content;
        this.links = links;
        this.config = config;
    }

    private record Found(Tenant portal, PublicContent.ArticleRow row) {
    }

    /** The block's cards, at most the size the root's tenant admin chose; none when the block is off. */
    Mono<List<ArticleCard>> latest(Tenant root, String lang) {
        if (!root.isMinistry()) {
            return Mono.just(List.of());
        }
        return federation.choices(root).flatMap(choices -> choices.newsBlockSize() == 0 ? Mono.just(List.<ArticleCard>of())
                : federation.newsMembers(root).flatMapMany(Flux::fromIterable)
                .flatMap(member -> content.latest(member, lang, choices.newsBlockSize())
                        .timeout(config.timeout())
                        .flatMapIterable(rows -> rows.stream().map(row -> new Found(member, row)).toList())
                        .onErrorResume(e -> {
                            LOG.info("News block of {}: {} left out ({})", root.code(), member.code(), e.toString());
                            return Flux.empty();
                        }), Math.max(1, config.concurrency()))
                .sort(Comparator.comparing((Found f) -> f.row().publishedAt()).reversed()
                        .thenComparing(f -> f.portal().code()))
                .take(choices.newsBlockSize())
                .map(f -> card(f, lang))
                .collectList());
    }

    private ArticleCard card(Found f, String lang) {
        PublicContent.ArticleRow row = f.row();
        String cover = row.coverUrl() != null && row.coverUrl().startsWith("/") ? links.tenant(f.portal(), row.coverUrl()) : row.coverUrl();
        return new ArticleCard(row.title(), links.tenant(f.portal(), PublicUrls.article(lang, row.slug())), row.summary(), cover,
                row.coverAlt(), SiteContext.shown(row.publishedAt()), SiteContext.iso(row.publishedAt()), f.portal().name(lang),
                links.tenant(f.portal(), PublicUrls.home(lang)), row.coverFocus());
    }
}
