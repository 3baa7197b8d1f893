package vn.cong.site.search;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.search.Search;
import vn.cong.content.search.SearchQuery;
import vn.cong.content.search.SearchResults;
import vn.cong.site.MinistryFederationConfiguration;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * The ministry-wide search (tìm kiếm toàn Bộ): the root portal's own search and that of every member that opted
 * in ({@link MinistryFederation}), each in the member's own tenant transaction — never one statement across
 * schemas, so members may live on other database clusters — at most {@code concurrency} at a time, each given
 * {@code timeout} (the database stops the statement then too). The results are merged by score; a portal that
 * did not answer in time (or failed) is named instead of holding up the page.
 */
@Singleton
class MinistrySearch {

    private static final Logger LOG = LoggerFactory.getLogger(MinistrySearch.class);
    /** No portal gives more than this many results to merge, whatever page is asked for. */
    static final int MAX_PER_PORTAL = 200;

    private final Search search;
    private final MinistryFederation federation;
    private final PublicLinks links;
    private final MinistryFederationConfiguration config;

    MinistrySearch(Search search, MinistryFederation federation, PublicLinks links, MinistryFederationConfiguration config) {
        this.search = search;
        this.federation = federation;
        this.links = links;
        this.config = config;
    }

    /** A result with the portal it comes from; {@code url} is absolute for a member's item. */
    record PortalResult(String portal, boolean own, String url, SearchResults.Result result) {
    }

    /** One merged page; {@code unanswered} names the portals that timed out or failed, by name. */
    record Found(long total, boolean near, List<PortalResult> results, List<Integer> years, List<String> unanswered, int portals) {
    }

    private record Answer(Tenant portal, SearchResults results, boolean answered) {
    }

    /** One page of the merged results of {@code root} and its opted-in, serving members (the section filter does not apply). */
    Mono<Found> search(Tenant root, SearchQuery query) {
        int wanted = Math.min(MAX_PER_PORTAL, query.page() * query.pageSize());
        SearchQuery each = new SearchQuery(query.text(), query.lang(), query.kind(), null, query.year(), 1, wanted);
        return federation.searchMembers(root).flatMap(members -> {
            List<Tenant> portals = new ArrayList<>();
            portals.add(root);
            portals.addAll(members);
            return Flux.fromIterable(portals)
                    .flatMap(portal -> one(portal, each), Math.max(1, config.concurrency()))
                    .collectList()
                    .map(answers -> merge(root, query, answers, portals.size()));
        });
    }

    private Mono<Answer> one(Tenant portal, SearchQuery query) {
        return search.search(portal, query, config.timeout())
                .timeout(config.timeout())
                .map(found -> new Answer(portal, found, true))
                .onErrorResume(e -> {
                    if (e instanceof TimeoutException) {
                        LOG.info("Ministry-wide search: {} did not answer within {}", portal.code(), config.timeout());
                    } else {
                        LOG.warn("Ministry-wide search: {} failed: {}", portal.code(), e.toString());
                    }
                    return Mono.just(new Answer(portal, SearchResults.none(List.of()), false));
                });
    }

    private Found merge(Tenant root, SearchQuery query, List<Answer> answers, int portals) {
        List<PortalResult> all = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        List<String> unanswered = new ArrayList<>();
        long total = 0;
        boolean near = false;
        for (Answer a : answers) {
            if (!a.answered()) {
                unanswered.add(a.portal().name(query.lang()));
                continue;
            }
            boolean own = a.portal().code().equals(root.code());
            total += a.results().total();
            near |= a.results().near() && a.results().total() > 0;
            years.addAll(a.results().years());
            for (SearchResults.Result r : a.results().results()) {
                all.add(new PortalResult(a.portal().name(query.lang()), own, own ? r.url() : links.tenant(a.portal(), r.url()), r));
            }
        }
        all.sort(Comparator.comparingDouble((PortalResult r) -> r.result().hit().score()).reversed()
                .thenComparing((PortalResult r) -> r.result().hit().publishedAt(), Comparator.reverseOrder())
                .thenComparing(PortalResult::portal));
        int from = Math.min(all.size(), (query.page() - 1) * query.pageSize());
        int to = Math.min(all.size(), from + query.pageSize());
        unanswered.sort(Comparator.naturalOrder());
        return new Found(total, near, List.copyOf(all.subList(from, to)), List.copyOf(years), List.copyOf(unanswered), portals);
    }
}
