package vn.cong.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.GenericRepository;
import reactor.core.publisher.Flux;
import vn.cong.tenancy.PlatformTx;

/**
 * Reads of the operator's audit trail through Micronaut Data, in the caller's platform transaction. Written
 * out ({@code @Query}) for the optional filters (a null filter matches every row) and the JSON read as text.
 * The trail spans every tenant and outlives dropped ones: its tenant filter is the operator's, not a
 * tenant's scope.
 */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface OperatorAuditRepository extends GenericRepository<OperatorAuditRow, Long> {

    @Query("""
            SELECT id, at, actor, action, tenant_code, CAST(details AS text) AS details, outcome, remote_address, channel
            FROM platform.operator_audit
            WHERE (CAST(:tenantCode AS text) IS NULL OR tenant_code = :tenantCode)
              AND (CAST(:actionPrefix AS text) IS NULL OR starts_with(action, :actionPrefix))
            ORDER BY id DESC LIMIT :limit""")
    Flux<OperatorAuditRow> recent(@Nullable String tenantCode, @Nullable String actionPrefix, int limit, PlatformTx tx);

    @Query("SELECT DISTINCT action FROM platform.operator_audit ORDER BY action")
    Flux<String> actions(PlatformTx tx);
}
