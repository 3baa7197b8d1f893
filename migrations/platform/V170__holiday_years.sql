-- Holiday years the operator adds or corrects at the console (ngày nghỉ lễ, Tết; ngày làm bù), merged with
-- the calendar bundled with the platform (calendar/vn-public-holidays.yaml). A year the bundle already has
-- is stored only as a deliberate replacement of the bundled year (replaces_bundled).
CREATE TABLE holiday_years (
    year             int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    replaces_bundled boolean NOT NULL DEFAULT false,
    updated_by       text NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE holiday_entries (
    id          bigserial PRIMARY KEY,
    year        int NOT NULL REFERENCES holiday_years (year) ON DELETE CASCADE,
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,
    name        text NOT NULL,
    provisional boolean NOT NULL DEFAULT false,  -- tạm tính: waits for the government's yearly notice
    working_day boolean NOT NULL DEFAULT false,  -- a Saturday worked in exchange for a bridging day off
    CHECK (ends_on >= starts_on),
    CHECK (extract(year FROM starts_on) = year AND extract(year FROM ends_on) = year)
);
CREATE INDEX holiday_entries_year ON holiday_entries (year);
