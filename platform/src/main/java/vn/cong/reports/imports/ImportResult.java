package vn.cong.reports.imports;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import did: the rows read, how many items it added and how many it left as they were (their external id was
 * imported before). With errors, nothing was written at all.
 */
@Serdeable
public record ImportResult(int rows, int imported, int unchanged, List<RowError> errors) {

    static ImportResult refused(int rows, List<RowError> errors) {
        return new ImportResult(rows, 0, 0, List.copyOf(errors));
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
