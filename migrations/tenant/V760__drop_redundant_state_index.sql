-- content_items_state (state) is a prefix of content_items_public (state, language, published_at DESC): every
-- condition on state alone can use the latter. An index that earns nothing still costs each write of an item, a
-- relation in every tenant schema's catalogue, and PostgreSQL's planner opens every index of a table each time it
-- plans a statement on it (half of a statement's first-run planning on a connection went to opening content_items'
-- eleven indexes, load-tests/bench/results/steady-rotation-20261206T0625Z.md). TenantSchemaUpgradeTest checks that no
-- plain btree index of a tenant schema is a prefix of another.
-- No schema qualifiers: search_path decides.
DROP INDEX content_items_state;
