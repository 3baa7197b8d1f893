package vn.cong.admin.lists;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a staff list accepts in its address: its filters (a fixed choice, or the id of a row such as a section),
 * the columns it sorts by (each with the direction it first sorts in) and its page size. {@link ListQuery#parse}
 * reads a request against it.
 *
 * @param path the list's own address, which its links keep
 */
public record ListShape(String path, List<Filter> filters, Map<String, Boolean> sorts, Sort defaultSort, int pageSize) {

    public ListShape {
        filters = List.copyOf(filters);
        sorts = Map.copyOf(sorts);
        if (!sorts.containsKey(defaultSort.key())) {
            throw new IllegalArgumentException("default sort " + defaultSort.key() + " is not one of " + sorts.keySet());
        }
    }

    /**
     * One filter of the list: {@code allowed} the values it takes (null: a row id, a positive whole number), and the
     * message shown beside it when the address carries anything else.
     */
    public record Filter(String parameter, @Nullable Set<String> allowed, String message) {

        public static Filter choice(String parameter, Set<String> allowed, String message) {
            return new Filter(parameter, Set.copyOf(allowed), message);
        }

        public static Filter id(String parameter, String message) {
            return new Filter(parameter, null, message);
        }
    }

    /** A sort column and its direction. */
    public record Sort(String key, boolean descending) {
    }

    /** Whether {@code key} sorts newest (largest) first when first chosen: dates do, names do not. */
    boolean descendingFirst(String key) {
        return Boolean.TRUE.equals(sorts.get(key));
    }
}
