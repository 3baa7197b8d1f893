package vn.cong.content.procedures;

import io.micronaut.core.annotation.Nullable;

/**
 * An administrative procedure's own fields: the online public service level (mức độ 2/3/4) [001 Đ14],
 * the link to the service, its field (lĩnh vực), responsible unit, processing time, fees, the
 * documents an applicant hands in (thành phần hồ sơ), and the day it stops applying (replaced or
 * abolished; null while in force: it then stays online [001 Đ13.1]).
 */
public record ProcedureFields(@Nullable Integer serviceLevel, String onlineUrl, String field, String unit, String processingTime,
                              String fees, String requiredDocuments, @Nullable java.time.LocalDate endsOn) {

    /** A procedure in force. */
    public ProcedureFields(@Nullable Integer serviceLevel, String onlineUrl, String field, String unit, String processingTime,
                           String fees, String requiredDocuments) {
        this(serviceLevel, onlineUrl, field, unit, processingTime, fees, requiredDocuments, null);
    }
}
