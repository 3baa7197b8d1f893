package vn.cong.admin.lists;

import java.util.List;
import java.util.stream.IntStream;

/** One page of a list: its rows, how many rows the whole list has, and the links to the other pages. */
public record Paging<T>(List<T> rows, long total, ListQuery query) {

    public Paging {
        rows = List.copyOf(rows);
    }

    public int page() {
        return query.page();
    }

    public int pages() {
        return (int) Math.max(1, (total + query.shape().pageSize() - 1) / query.shape().pageSize());
    }

    public boolean hasPrevious() {
        return page() > 1;
    }

    public boolean hasNext() {
        return page() < pages();
    }

    /** The first row shown, counted from 1 (0 when none). */
    public long firstShown() {
        return rows.isEmpty() ? 0 : query.offset() + 1L;
    }

    public long lastShown() {
        return rows.isEmpty() ? 0 : query.offset() + (long) rows.size();
    }

    /** The pages linked by number: the first, the last, and two on each side of this one. */
    public List<Integer> numbers() {
        int last = pages();
        return IntStream.rangeClosed(1, last)
                .filter(n -> n == 1 || n == last || Math.abs(n - page()) <= 2)
                .boxed().toList();
    }
}
