-- Uptime readings rolled up per target and day (Vietnam time) by the uptime-rollup job, so 2,000
-- tenants x 90 days stay small: raw checks are kept for cong.uptime.rollup.keep-raw-days, older days
-- live only here. target is 'tenant:<code>' or 'site:<id>' (tenant_code: the tenant it belongs to).
-- Checks during an announced maintenance window are counted as maintenance when the day is rolled up.
CREATE TABLE uptime_days (
    target       text NOT NULL,
    tenant_code  text,
    day          date NOT NULL,
    up           int  NOT NULL,
    down         int  NOT NULL,
    maintenance  int  NOT NULL,
    rolled_up_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (target, day)
);
CREATE INDEX uptime_days_day ON uptime_days (day);
