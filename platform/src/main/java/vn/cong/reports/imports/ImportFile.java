package vn.cong.reports.imports;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an import file into rows: CSV (RFC 4180: a header line of column names, fields quoted with {@code "} when
 * they hold commas, quotes or line breaks) or JSON lines (one object a line). A file whose first non-blank character
 * is <code>{</code> is JSON lines. Unknown columns are refused, so a misspelt column never silently empties a field.
 */
final class ImportFile {

    static final Set<String> COLUMNS = Set.of("external_id", "title", "unit", "submitter", "section", "topic", "origin", "genre",
            "submitted_at", "state", "published_at", "reason", "language", "summary", "body");

    record Parsed(List<ImportRow> rows, List<RowError> errors) {
    }

    private ImportFile() {
    }

    static Parsed parse(String text, JsonMapper json) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.stripLeading().startsWith("{") ? jsonLines(body, json) : csv(body);
    }

    private static Parsed jsonLines(String text, JsonMapper json) {
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Map<String, Object> object;
            try {
                object = json.readValue(lines[i], Argument.mapOf(String.class, Object.class));
            } catch (IOException | RuntimeException e) {
                errors.add(new RowError(i + 1, "", "không phải một đối tượng JSON hợp lệ."));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (var e : object.entrySet()) {
                String column = e.getKey().strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(column)) {
                    errors.add(new RowError(i + 1, e.getKey(), "không có trường này (các trường: " + String.join(", ", sorted()) + ")."));
                } else if (e.getValue() != null) {
                    fields.put(column, e.getValue().toString());
                }
            }
            rows.add(new ImportRow(i + 1, fields));
        }
        return new Parsed(rows, errors);
    }

    private static Parsed csv(String text) {
        List<RowError> errors = new ArrayList<>();
        List<Record> records = records(text, errors);
        if (records.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        List<String> header = records.get(0).values().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String h : header) {
            if (!COLUMNS.contains(h)) {
                errors.add(new RowError(1, h, "không có cột này (các cột: " + String.join(", ", sorted()) + ")."));
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.values().size() == 1 && r.values().get(0).isBlank()) {
                continue;
            }
            if (r.values().size() != header.size()) {
                errors.add(new RowError(r.line(), "", "có " + r.values().size() + " cột, dòng tiêu đề có " + header.size() + "."));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), r.values().get(i));
            }
            rows.add(new ImportRow(r.line(), fields));
        }
        return new Parsed(rows, errors);
    }

    private record Record(int line, List<String> values) {
    }

    /** The CSV's records, each with the line it starts on; an unclosed quote is an error. */
    private static List<Record> records(String text, List<RowError> errors) {
        List<Record> out = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                values.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                values.add(field.toString());
                field.setLength(0);
                out.add(new Record(start, List.copyOf(values)));
                values.clear();
                line++;
                start = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            errors.add(new RowError(start, "", "dấu ngoặc kép mở mà không đóng."));
        } else if (!field.isEmpty() || !values.isEmpty()) {
            values.add(field.toString());
            out.add(new Record(start, List.copyOf(values)));
        }
        return out;
    }

    private static List<String> sorted() {
        return COLUMNS.stream().sorted().toList();
    }
}
