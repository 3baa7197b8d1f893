package vn.cong.content.documents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A list page's filters are written back in one order, so one page has one address and one cache key. */
class DocumentFilterTest {

    @Test
    void pageLinksCarryEveryFilterInAFixedOrder() {
        DocumentFilter f = new DocumentFilter("quyet-dinh", "Ủy ban nhân dân tỉnh", 2025, DocumentStatus.REPLACED);
        assertEquals("?loai=quyet-dinh&co-quan=%E1%BB%A6y%20ban%20nh%C3%A2n%20d%C3%A2n%20t%E1%BB%89nh&nam=2025&tinh-trang=bi-thay-the&trang=2",
                f.query(2));
        assertEquals("?loai=quyet-dinh&co-quan=%E1%BB%A6y%20ban%20nh%C3%A2n%20d%C3%A2n%20t%E1%BB%89nh&nam=2025&tinh-trang=bi-thay-the",
                f.query(1), "page 1 has no page parameter");
    }

    @Test
    void unfilteredFirstPageIsTheBareList() {
        assertEquals("", DocumentFilter.NONE.query(1));
        assertEquals("?trang=3", DocumentFilter.NONE.query(3));
        assertEquals("?nam=2024", new DocumentFilter(null, null, 2024, null).query(1));
    }
}
