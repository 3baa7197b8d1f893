package vn.cong.content.search;

import io.micronaut.core.annotation.Nullable;

/**
 * What a reader asked: the words (already bounded, see {@link SearchText}), the language of the pages,
 * and the optional filters: one kind, a section with its subsections ({@code sectionIds}), a year.
 */
public record SearchQuery(String text, String lang, @Nullable String kind, @Nullable Long[] sectionIds,
                          @Nullable Integer year, int page, int pageSize) {
}
