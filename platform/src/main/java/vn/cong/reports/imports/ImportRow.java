package vn.cong.reports.imports;

import java.util.Map;

/** One row of an import file as read, before it is checked: the line it starts on and its fields by column name. */
record ImportRow(int line, Map<String, String> fields) {

    String get(String column) {
        String v = fields.get(column);
        return v == null ? "" : v.strip();
    }
}
