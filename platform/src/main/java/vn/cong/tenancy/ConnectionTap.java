package vn.cong.tenancy;

import io.r2dbc.spi.Connection;

/**
 * Sees each tenant connection {@link DatabaseClusters} hands out and may wrap it. None in the application: the
 * platform's own pool is a bean that can be decorated where it is created, the tenant connection groups are not,
 * and tests that record every statement sent on the wire (the statement log) need both.
 */
interface ConnectionTap {

    Connection tap(Connection connection);
}
