package vn.cong.reports.royalties;

import vn.cong.reports.contribution.Period;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The royalty statement of a period (bảng kê nhuận bút): the assessed items published in it, by author and by unit,
 * with totals in whole đồng; {@code unassessed} counts the items published in it that the head has not assessed yet.
 */
public record RoyaltyStatement(Period period, List<Assessment> items, List<Payee> byAuthor, List<Payee> byUnit, long totalVnd,
                               int unassessed) {

    /** Shown for an item without an author or a unit on record. */
    public static final String NO_AUTHOR = "Ban biên tập (không ghi tên tác giả)";
    public static final String BOARD_FOUND = "Ban biên tập (tự khai thác)";
    public static final String BOARD = "Ban biên tập";
    public static final String NO_UNIT = "Không ghi đơn vị";

    /** One author's or unit's line: the works, their units and the amount; {@code detail} names the units or authors. */
    public record Payee(String name, String detail, int works, BigDecimal units, long amountVnd) {

        public String unitsText() {
            return Vnd.decimal(units);
        }

        public String amountText() {
            return Vnd.format(amountVnd);
        }
    }

    public RoyaltyStatement {
        items = List.copyOf(items);
        byAuthor = List.copyOf(byAuthor);
        byUnit = List.copyOf(byUnit);
    }

    public static RoyaltyStatement of(Period period, List<Assessment> published) {
        List<Assessment> assessed = published.stream().filter(Assessment::assessed)
                .sorted(Comparator.comparing(RoyaltyStatement::author, collator()).thenComparing(Assessment::publishedAt)
                        .thenComparingLong(Assessment::itemId))
                .toList();
        return new RoyaltyStatement(period, assessed, payees(assessed, true), payees(assessed, false),
                assessed.stream().mapToLong(Assessment::amountVnd).sum(), (int) published.stream().filter(a -> !a.assessed()).count());
    }

    public String totalText() {
        return Vnd.format(totalVnd);
    }

    /** The work's author; a unit's work with no person on record is the unit's (a collective author). */
    public static String author(Assessment a) {
        return !a.author().isBlank() ? a.author() : !a.unit().isBlank() ? a.unit() + " (tập thể)" : NO_AUTHOR;
    }

    public static String unit(Assessment a) {
        if (!a.unit().isBlank()) {
            return a.unit();
        }
        return "found".equals(a.origin()) ? BOARD_FOUND : "supplied".equals(a.origin()) ? NO_UNIT : BOARD;
    }

    /** The units × coefficient of a work (its weighted units). */
    static BigDecimal weighted(Assessment a) {
        return a.units().multiply(a.coefficient());
    }

    private static List<Payee> payees(List<Assessment> items, boolean byAuthor) {
        Map<String, List<Assessment>> groups = new LinkedHashMap<>();
        items.forEach(a -> groups.computeIfAbsent(byAuthor ? author(a) : unit(a), k -> new ArrayList<>()).add(a));
        List<Payee> payees = new ArrayList<>();
        groups.forEach((name, works) -> {
            TreeSet<String> other = new TreeSet<>(collator());
            works.forEach(a -> other.add(byAuthor ? unit(a) : author(a)));
            payees.add(new Payee(name, byAuthor ? String.join("; ", other) : other.size() + " tác giả", works.size(),
                    works.stream().map(RoyaltyStatement::weighted).reduce(BigDecimal.ZERO, BigDecimal::add),
                    works.stream().mapToLong(Assessment::amountVnd).sum()));
        });
        payees.sort(Comparator.comparingLong(Payee::amountVnd).reversed().thenComparing(Payee::name, collator()));
        return payees;
    }

    private static Collator collator() {
        return Collator.getInstance(Locale.forLanguageTag("vi-VN"));
    }
}
