package vn.cong.site;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Page links of a section list ({@code ?trang=N}); {@code pages} is a window around the current page. */
public record Pagination(int page, int totalPages, @Nullable String prevUrl, @Nullable String nextUrl, List<PageLink> pages) {
}
