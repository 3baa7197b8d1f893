package vn.cong.admin.lists;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A staff list's search, filters, date range, sort and page as its address carries them ({@code q}, the shape's
 * filters, {@code tu}/{@code den}, {@code sapxep}/{@code chieu}, {@code trang}), checked against the list's
 * {@link ListShape}. A value that does not fit is left out of the query, kept as typed for the form, and named
 * in {@link #errors()} with a Vietnamese message. The links it builds keep the rest, so a filtered, sorted page
 * is an address that can be shared and that the back button returns to.
 */
public record ListQuery(ListShape shape, String search, Map<String, String> filters, @Nullable LocalDate from,
                        @Nullable LocalDate to, ListShape.Sort sort, int page, Map<String, String> typed,
                        Map<String, String> errors) {

    public static final int MAX_SEARCH = 200;
    private static final int MAX_PAGE = 100_000;
    private static final Pattern ID = Pattern.compile("^[1-9][0-9]{0,17}$");
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    public ListQuery {
        filters = Map.copyOf(filters);
        typed = Map.copyOf(typed);
        errors = Map.copyOf(errors);
    }

    /** Reads the request's query parameters (the first value of each). */
    public static ListQuery of(HttpRequest<?> request, ListShape shape) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        return parse(params, shape);
    }

    public static ListQuery parse(Map<String, String> params, ListShape shape) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        params.forEach((k, v) -> typed.put(k, v == null ? "" : v.strip()));
        String search = typed.getOrDefault("q", "");
        if (search.length() > MAX_SEARCH) {
            errors.put("q", "Từ khoá tìm kiếm dài quá " + MAX_SEARCH + " ký tự.");
            search = "";
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (ListShape.Filter f : shape.filters()) {
            String v = typed.getOrDefault(f.parameter(), "");
            if (v.isEmpty()) {
                continue;
            }
            boolean fits = f.allowed() == null ? ID.matcher(v).matches() : f.allowed().contains(v);
            if (fits) {
                filters.put(f.parameter(), v);
            } else {
                errors.put(f.parameter(), f.message());
            }
        }
        LocalDate from = date(typed, "tu", errors);
        LocalDate to = date(typed, "den", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("den", "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.");
            to = null;
        }
        ListShape.Sort sort = sort(typed, shape, errors);
        int page = page(typed.getOrDefault("trang", ""), errors);
        return new ListQuery(shape, search, filters, from, to, sort, page, typed, errors);
    }

    private static @Nullable LocalDate date(Map<String, String> typed, String name, Map<String, String> errors) {
        String v = typed.getOrDefault(name, "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return v.contains("/") ? LocalDate.parse(v, TYPED_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(name, "Ngày không hợp lệ: hãy chọn ngày trên lịch hoặc ghi theo dạng ngày/tháng/năm, ví dụ 25/11/2026.");
            return null;
        }
    }

    private static ListShape.Sort sort(Map<String, String> typed, ListShape shape, Map<String, String> errors) {
        String key = typed.getOrDefault("sapxep", "");
        String direction = typed.getOrDefault("chieu", "");
        if (!key.isEmpty() && !shape.sorts().containsKey(key)) {
            errors.put("sapxep", "Danh sách không sắp xếp được theo «" + key + "».");
            key = "";
        }
        if (!direction.isEmpty() && !direction.equals("tang") && !direction.equals("giam")) {
            errors.put("chieu", "Chiều sắp xếp chỉ là tăng dần hoặc giảm dần.");
            direction = "";
        }
        if (key.isEmpty()) {
            return direction.isEmpty() ? shape.defaultSort() : new ListShape.Sort(shape.defaultSort().key(), direction.equals("giam"));
        }
        return new ListShape.Sort(key, direction.isEmpty() ? shape.descendingFirst(key) : direction.equals("giam"));
    }

    private static int page(String v, Map<String, String> errors) {
        if (v.isEmpty()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.put("trang", "Số trang phải là số nguyên dương.");
        return 1;
    }

    /** The value of a filter that applies, or null. */
    public @Nullable String filter(String parameter) {
        return filters.get(parameter);
    }

    /** What the form shows in a field: the value as typed, valid or not. */
    public String value(String parameter) {
        return typed.getOrDefault(parameter, "");
    }

    public @Nullable String error(String parameter) {
        return errors.get(parameter);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Whether anything narrows the list (the form then offers to clear it). */
    public boolean narrowed() {
        return !search.isEmpty() || !filters.isEmpty() || from != null || to != null;
    }

    public int offset() {
        return (page - 1) * shape.pageSize();
    }

    /** This list's address: the valid parts of the query, defaults left out. */
    public String url() {
        return link(sort, page);
    }

    /** The address sorting by {@code key}: the other direction when it already sorts by it, its first direction otherwise. */
    public String sortUrl(String key) {
        boolean descending = key.equals(sort.key()) ? !sort.descending() : shape.descendingFirst(key);
        return link(new ListShape.Sort(key, descending), 1);
    }

    public String pageUrl(int n) {
        return link(sort, n);
    }

    /** The {@code aria-sort} of the column header of {@code key}: null for a column the list is not sorted by. */
    public @Nullable String ariaSort(String key) {
        return key.equals(sort.key()) ? (sort.descending() ? "descending" : "ascending") : null;
    }

    /** The query string alone (without "?"), for a form that comes back to the same list. */
    public String queryString() {
        String url = url();
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }

    private String link(ListShape.Sort s, int n) {
        StringJoiner query = new StringJoiner("&");
        add(query, "q", search);
        shape.filters().forEach(f -> add(query, f.parameter(), filters.getOrDefault(f.parameter(), "")));
        add(query, "tu", from == null ? "" : from.toString());
        add(query, "den", to == null ? "" : to.toString());
        if (!s.equals(shape.defaultSort())) {
            add(query, "sapxep", s.key());
            add(query, "chieu", s.descending() ? "giam" : "tang");
        }
        add(query, "trang", n == 1 ? "" : String.valueOf(n));
        return query.length() == 0 ? shape.path() : shape.path() + "?" + query;
    }

    private static void add(StringJoiner query, String name, String value) {
        if (!value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
