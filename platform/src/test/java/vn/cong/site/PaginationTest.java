package vn.cong.site;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PaginationTest {

    @Test
    void linksShowFirstLastAndTwoEitherSideOfTheCurrentPage() {
        Pagination p = SectionController.pagination("vi", "thong-bao", 6, 12);
        assertEquals(List.of(1, 4, 5, 6, 7, 8, 12), p.pages().stream().map(PageLink::number).toList());
        assertEquals("/chuyen-muc/thong-bao?trang=5", p.prevUrl());
        assertEquals("/chuyen-muc/thong-bao?trang=7", p.nextUrl());
        assertEquals("/chuyen-muc/thong-bao", p.pages().get(0).url(), "page 1 has no query: one URL per page");
        assertEquals(List.of(6), p.pages().stream().filter(PageLink::current).map(PageLink::number).toList());
    }

    @Test
    void firstAndLastPagesHaveNoStepBeyond() {
        Pagination first = SectionController.pagination("en", "news", 1, 2);
        assertNull(first.prevUrl());
        assertEquals("/en/chuyen-muc/news?trang=2", first.nextUrl());
        assertNull(SectionController.pagination("vi", "tin", 2, 2).nextUrl());
    }
}
