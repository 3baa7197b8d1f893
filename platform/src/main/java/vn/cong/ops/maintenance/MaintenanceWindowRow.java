package vn.cong.ops.maintenance;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.OffsetDateTime;
import java.util.List;

/** A row of {@code platform.maintenance_windows}, as the readers need it. */
@MappedEntity(value = "maintenance_windows", schema = "platform")
record MaintenanceWindowRow(
        @Id @GeneratedValue Long id,
        boolean allTenants,
        @TypeDef(type = DataType.STRING_ARRAY) String[] tenantCodes,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String messageVi,
        String messageEn,
        String createdBy,
        OffsetDateTime createdAt) {

    MaintenanceWindow window() {
        return new MaintenanceWindow(id, allTenants, tenantCodes == null ? List.of() : List.of(tenantCodes), startsAt.toInstant(),
                endsAt.toInstant(), messageVi, messageEn, createdBy, createdAt.toInstant());
    }
}
