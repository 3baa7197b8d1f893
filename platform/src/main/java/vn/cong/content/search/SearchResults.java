package vn.cong.content.search;

import java.util.List;

/**
 * One page of results. {@code near} says they came from the typo fallback (no item has the words as
 * typed); {@code total} counts every result, {@code years} the years the reader may filter on.
 */
public record SearchResults(long total, boolean near, List<Result> results, List<Integer> years) {

    /** A result as a page shows it: its address and the snippet cut around the words found. */
    public record Result(Hit hit, String url, List<SearchText.Segment> snippet) {
    }

    public static SearchResults none(List<Integer> years) {
        return new SearchResults(0, false, List.of(), years);
    }
}
