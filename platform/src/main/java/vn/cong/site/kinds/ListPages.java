package vn.cong.site.kinds;

import vn.cong.site.PageLink;
import vn.cong.site.Pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/** What the public list pages share: the page number in the query, page links. */
final class ListPages {

    static final Pattern PAGE = Pattern.compile("^[1-9][0-9]{0,4}$");

    private ListPages() {
    }

    /** First, last, and two pages either side of the current one. */
    static Pagination pagination(int page, int totalPages, IntFunction<String> url) {
        List<PageLink> links = new ArrayList<>();
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - page) <= 2) {
                links.add(new PageLink(n, url.apply(n), n == page));
            }
        }
        return new Pagination(page, totalPages, page > 1 ? url.apply(page - 1) : null, page < totalPages ? url.apply(page + 1) : null, links);
    }
}
