package vn.cong.content.search;

import jakarta.inject.Singleton;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.content.kinds.ContentKind;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every published content item: articles, the about pages, and each declared kind whose declaration
 * names searchable fields (a kind added later is searched without a change here). The words are the
 * generated {@code content_items.search_vector} (migration V350), so no write path can forget them.
 */
@Singleton
class ContentItemsSource implements SearchSource {

    static final String ARTICLE = "article";

    private static final String VISIBLE = """
            i.state = 'published' AND i.published_at <= now() AND i.language = $2::text AND i.kind = ANY ($3::text[])
            AND ($4::bigint[] IS NULL OR i.section_id = ANY ($4::bigint[]))
            AND ($5::int IS NULL OR extract(year FROM i.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh') = $5::int)""";
    private static final String COLUMNS = "i.kind, i.id AS item_id, i.title, i.slug, s.role AS page, i.published_at, ";
    private static final String FROM = " FROM content_items i LEFT JOIN standing_pages s ON s.item_id = i.id AND s.language = i.language WHERE ";

    private final List<String> kinds;
    private final Map<String, KindDeclaration> declared;

    ContentItemsSource(ContentKinds contentKinds) {
        List<String> all = new ArrayList<>();
        all.add(ARTICLE);
        List<KindDeclaration> searchable = contentKinds.all().stream().map(ContentKind::declaration)
                .filter(d -> !d.searchable().isEmpty()).toList();
        searchable.forEach(d -> all.add(d.kind()));
        all.add(AboutPages.KIND);
        this.kinds = List.copyOf(all);
        this.declared = searchable.stream().collect(Collectors.toUnmodifiableMap(KindDeclaration::kind, Function.identity()));
    }

    @Override
    public List<String> kinds() {
        return kinds;
    }

    @Override
    public String fullText() {
        return "SELECT " + COLUMNS
                + "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', i.search_vector, websearch_to_tsquery('simple', extensions.search_text($1::text)))::float8 AS rank"
                + FROM + "i.search_vector @@ websearch_to_tsquery('simple', extensions.search_text($1::text)) AND " + VISIBLE;
    }

    @Override
    public String similar() {
        return "SELECT " + COLUMNS + "(SELECT avg(word_similarity(extensions.search_text(w), i.search_words)) FROM unnest($9::text[]) w)::float8 AS rank"
                + FROM + "$1::text <> '' AND extensions.search_text(($9::text[])[1]) <% i.search_words"
                + " AND NOT EXISTS (SELECT 1 FROM unnest($9::text[]) w WHERE NOT extensions.search_text(w) <% i.search_words) AND " + VISIBLE;
    }

    @Override
    public String texts() {
        return "SELECT i.kind, i.id AS item_id, i.summary || ' ' || extensions.html_text(i.body_html) AS text"
                + " FROM content_items i WHERE i.kind = ANY ($1::text[]) AND i.id = ANY ($2::bigint[])";
    }

    @Override
    public String url(Hit hit, String lang) {
        String prefix = "en".equals(lang) ? "/en" : "";
        if (ARTICLE.equals(hit.kind())) {
            return prefix + "/bai-viet/" + hit.slug();
        }
        if (AboutPages.KIND.equals(hit.kind())) {
            String path = hit.page() == null ? "" : StandingRole.ofDb(hit.page()).map(StandingRole::path).orElse("");
            return prefix + "/gioi-thieu" + (path.isEmpty() ? "" : "/" + path);
        }
        return declared.get(hit.kind()).publicUrl(lang, hit.slug());
    }
}
