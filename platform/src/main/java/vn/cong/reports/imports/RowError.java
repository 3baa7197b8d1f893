package vn.cong.reports.imports;

import io.micronaut.serde.annotation.Serdeable;

/** What is wrong with one row of an import file: its line (1 = the first line of the file), the field, in Vietnamese. */
@Serdeable
public record RowError(int line, String field, String message) {

    @Override
    public String toString() {
        return "dòng " + line + (field.isEmpty() ? "" : ", cột «" + field + "»") + ": " + message;
    }
}
