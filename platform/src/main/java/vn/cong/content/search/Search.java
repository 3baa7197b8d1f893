package vn.cong.content.search;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public search of one portal (tìm kiếm): PostgreSQL full text over every {@link SearchSource},
 * accent- and case-insensitive, ranked by {@code ts_rank_cd} (title above key fields and summary above
 * body) times a recency decay with a half-life of {@value #HALF_LIFE_DAYS} days; when full text finds
 * nothing, pg_trgm word similarity of at least {@value #SIMILARITY} catches a mistyped word. One tenant
 * transaction per search: another tenant's items are not on its search path.
 */
@Singleton
public class Search {

    static final int HALF_LIFE_DAYS = 180;
    static final double SIMILARITY = 0.4;
    private static final int SNIPPET = 240;

    private final TenantDatabase db;
    private final List<SearchSource> sources;
    private final Clock clock;

    public Search(TenantDatabase db, List<SearchSource> sources, Clock clock) {
        this.db = db;
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    /** Every kind search finds, in the kind filter's order. */
    public List<String> kinds() {
        return sources.stream().flatMap(s -> s.kinds().stream()).distinct().toList();
    }

    /** One page of results for {@code query}; none (with the years still listed) when it has no word to search for. */
    public Mono<SearchResults> search(Tenant tenant, SearchQuery query) {
        return search(tenant, query, null);
    }

    /**
     * The same, with each statement of the search stopped by the database after {@code statementTimeout}: a
     * caller that gives up waiting (the ministry-wide search) does not leave the query running on its connection.
     */
    public Mono<SearchResults> search(Tenant tenant, SearchQuery query, @Nullable Duration statementTimeout) {
        List<SearchSource> asked = query.kind() == null ? sources
                : sources.stream().filter(s -> s.kinds().contains(query.kind())).toList();
        String[] kinds = query.kind() == null ? kinds().toArray(String[]::new) : new String[] {query.kind()};
        return db.mono(tenant, c -> statementTimeout(c, statementTimeout).then(years(c, query.lang())).flatMap(years -> {
            if (!SearchText.hasWords(query.text()) || asked.isEmpty()) {
                return Mono.just(SearchResults.none(years));
            }
            return page(c, asked, false, query, kinds)
                    .flatMap(found -> found.total() > 0 || query.page() > 1 || SearchText.words(query.text()).length == 0 ? Mono.just(found)
                            : c.one("SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)", r -> 1, Double.toString(SIMILARITY))
                            .then(page(c, asked, true, query, kinds))
                            .map(near -> new Page(near.total(), true, near.hits())))
                    .flatMap(found -> snippets(c, asked, query, found, years));
        }));
    }

    private static Mono<Integer> statementTimeout(TenantTx c, @Nullable Duration timeout) {
        return timeout == null ? Mono.just(0)
                : c.one("SELECT set_config('statement_timeout', $1, true)", r -> 1, Math.max(1, timeout.toMillis()) + "ms");
    }

    private record Page(long total, boolean near, List<Hit> hits) {
    }

    /**
     * The sources' matches, scored and cut to one page (see {@link #statement}). The decay is exp(-ln 2 · age / half-life): an item
     * half a year old counts half as much as one published today with the same rank.
     */
    private Mono<Page> page(TenantTx c, List<SearchSource> asked, boolean near, SearchQuery query, String[] kinds) {
        List<Long> totals = new ArrayList<>();
        return c.query(statement(asked, near), r -> {
                            totals.add(r.get("total", Long.class));
                            return hit(r);
                        }, parameters(query, kinds, near))
                .collectList()
                .map(hits -> new Page(totals.isEmpty() ? 0 : totals.get(0), false, hits));
    }

    /** The one statement of a page of results: the sources' matches, scored, counted, cut to the page. */
    static String statement(List<SearchSource> asked, boolean near) {
        String union = asked.stream().map(s -> near ? s.similar() : s.fullText()).map(s -> "(" + s + ")")
                .collect(Collectors.joining(" UNION ALL "));
        return "SELECT h.kind, h.item_id, h.title, h.slug, h.page, h.published_at,"
                + " h.rank * exp(-ln(2) * greatest(0, extract(epoch FROM ($6::timestamptz - h.published_at))) / 86400.0 / " + HALF_LIFE_DAYS + ") AS score,"
                + " count(*) OVER () AS total"
                + " FROM (" + union + ") h ORDER BY score DESC, h.published_at DESC, h.item_id DESC LIMIT $7 OFFSET $8";
    }

    /** The statement's parameters, in the order {@link SearchSource} documents (the query's words last, for the fallback). */
    Object[] parameters(SearchQuery query, String[] kinds, boolean near) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object> params = new ArrayList<>(List.of(query.text(), query.lang(), kinds, Sql.orNull(query.sectionIds(), Long[].class),
                Sql.orNull(query.year(), Integer.class), now, query.pageSize(), (long) (query.page() - 1) * query.pageSize()));
        if (near) {
            params.add(SearchText.words(query.text()));
        }
        return params.toArray();
    }

    List<SearchSource> sources() {
        return sources;
    }

    private static Hit hit(Readable r) {
        return new Hit(r.get("kind", String.class), r.get("item_id", Long.class), r.get("title", String.class),
                r.get("slug", String.class), r.get("page", String.class), r.get("published_at", OffsetDateTime.class),
                r.get("score", Double.class));
    }

    /** Each hit's snippet, cut from the text its source gives, the query's words marked. */
    private Mono<SearchResults> snippets(TenantTx c, List<SearchSource> asked, SearchQuery query, Page found, List<Integer> years) {
        if (found.hits().isEmpty()) {
            return Mono.just(new SearchResults(found.total(), found.near(), List.of(), years));
        }
        Set<String> terms = SearchText.terms(query.text());
        Map<String, String> texts = new HashMap<>();
        return Flux.fromIterable(asked)
                .concatMap(source -> {
                    List<Hit> mine = found.hits().stream().filter(h -> source.kinds().contains(h.kind())).toList();
                    if (mine.isEmpty()) {
                        return Flux.empty();
                    }
                    return c.query(source.texts(), r -> Map.entry(key(r.get("kind", String.class), r.get("item_id", Long.class)),
                                    r.get("text", String.class)),
                            mine.stream().map(Hit::kind).distinct().toArray(String[]::new),
                            mine.stream().map(Hit::itemId).toArray(Long[]::new));
                })
                .doOnNext(e -> texts.put(e.getKey(), e.getValue()))
                .then(Mono.fromSupplier(() -> {
                    Map<String, SearchSource> byKind = new LinkedHashMap<>();
                    asked.forEach(s -> s.kinds().forEach(k -> byKind.putIfAbsent(k, s)));
                    List<SearchResults.Result> results = found.hits().stream()
                            .map(h -> new SearchResults.Result(h, byKind.get(h.kind()).url(h, query.lang()),
                                    SearchText.snippet(texts.getOrDefault(key(h.kind(), h.itemId()), ""), terms, SNIPPET)))
                            .toList();
                    return new SearchResults(found.total(), found.near(), results, years);
                }));
    }

    private static String key(String kind, long id) {
        return kind + ":" + id;
    }

    /** The years in which the portal published something in this language, newest first (the year filter's choices). */
    private static Mono<List<Integer>> years(TenantTx c, String lang) {
        return c.query("""
                        SELECT DISTINCT extract(year FROM published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS y FROM content_items
                         WHERE state = 'published' AND published_at <= now() AND language = $1 ORDER BY y DESC""",
                r -> r.get(0, Integer.class), lang).collectList();
    }
}
