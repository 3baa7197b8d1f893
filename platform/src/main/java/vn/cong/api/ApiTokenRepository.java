package vn.cong.api;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.GenericRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

/**
 * A tenant's API tokens through Micronaut Data, in the caller's tenant transaction (the {@link TenantTx}
 * parameter: Data runs the statement on its connection, whose search path is already the tenant's).
 */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface ApiTokenRepository extends GenericRepository<ApiToken, Long> {

    @Query("""
            SELECT t.id, t.name, a.username, t.created_at, t.last_used_at, t.revoked_at IS NOT NULL AS revoked
            FROM api_tokens t JOIN accounts a ON a.id = t.account_id ORDER BY t.id DESC""")
    Flux<ApiTokens.TokenLine> lines(TenantTx tx);

    @Query("UPDATE api_tokens SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
    Mono<Long> revoke(long id, TenantTx tx);
}
