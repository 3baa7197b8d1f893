package vn.cong.content.search;

import java.util.List;

/**
 * Something the public search reads: a set of kinds of published item and the SQL that finds them. The
 * content items (articles and every declared kind) are one source, {@link ContentItemsSource}; a feature
 * whose items live in a table of its own adds a bean of this type, and search, its kind filter and its
 * results follow.
 * <p>
 * Both statements are SELECTs run inside one tenant transaction with these parameters: {@code $1} the
 * reader's query (text, trimmed and bounded), {@code $2} the language ({@code vi}/{@code en}),
 * {@code $3} the kinds asked for ({@code text[]}), {@code $4} the section and its subsections
 * ({@code bigint[]}, null for any), {@code $5} the year of publication ({@code int}, null for any), in
 * Vietnam's time. Cast every parameter you use. Each row has the columns {@code kind text, item_id bigint,
 * title text, slug text, page text} (a kind's own address part, else null), {@code published_at timestamptz,
 * rank float8}. Only what the public may see now: published, not taken down, not scheduled for later.
 */
public interface SearchSource {

    /** The kinds this source finds, in the order the kind filter lists them. */
    List<String> kinds();

    /**
     * The full-text matches: {@code websearch_to_tsquery('simple', extensions.search_text($1))} against an
     * indexed {@code tsvector} built with {@code extensions.search_text}, {@code rank} from {@code ts_rank_cd}
     * weighted title (A) above key fields and summary (B) above body (C).
     */
    String fullText();

    /**
     * The near matches when full text finds nothing, with one more parameter, {@code $9}: the query's words
     * ({@code text[]}, longest first, not yet folded). Every word must be within the transaction's
     * {@code pg_trgm.word_similarity_threshold} of the item's words ({@code <%}, indexed: a phrase as a whole
     * would match far too much); {@code rank} is the words' mean word similarity.
     */
    String similar();

    /**
     * The plain text snippets are cut from, for these items of these kinds: a SELECT with {@code $1}
     * the kinds ({@code text[]}) and {@code $2} the item ids ({@code bigint[]}) giving {@code kind, item_id, text}.
     */
    String texts();

    /** The public address of one of this source's items in {@code lang}. */
    String url(Hit hit, String lang);
}
