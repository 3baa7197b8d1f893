package vn.cong.reports.export;

import java.util.List;

/** A table with one header row; every row has as many cells as there are headers. */
public record ReportTable(List<String> headers, List<List<Cell>> rows) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size() + " headers");
            }
        }
    }
}
