package vn.cong.ops.maintenance;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.GenericRepository;
import reactor.core.publisher.Flux;
import vn.cong.tenancy.PlatformTx;

import java.time.OffsetDateTime;

/** Reads of the maintenance windows through Micronaut Data, in the caller's platform transaction. */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface MaintenanceWindowRepository extends GenericRepository<MaintenanceWindowRow, Long> {

    /** Windows not cancelled that end after {@code since}, earliest first. */
    @Query("""
            SELECT id, all_tenants, tenant_codes, starts_at, ends_at, message_vi, message_en, created_by, created_at
            FROM platform.maintenance_windows WHERE cancelled_at IS NULL AND ends_at > :since ORDER BY starts_at, id""")
    Flux<MaintenanceWindowRow> endingAfter(OffsetDateTime since, PlatformTx tx);
}
