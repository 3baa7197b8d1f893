package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.testing.PlatformTestSupport;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Verifications reuse this node's scratch databases (a DROP DATABASE forces a checkpoint), and a database lent again
 * holds nothing of the tenant verified in it before: one tenant's restored rows are never left where the next
 * tenant's verification runs.
 */
@MicronautTest(transactional = false)
class ScratchDatabasesTest extends PlatformTestSupport {

    @Inject
    ScratchDatabases scratch;

    private static boolean hasSchema(Connection c, String schema) throws SQLException {
        try (var s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            return s.executeQuery().next();
        }
    }

    @Test
    void aBorrowedDatabaseComesBackEmptyAndIsLentAgain() throws SQLException {
        String first = scratch.borrow();
        try (Connection c = scratch.open(first); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_alpha");
            s.execute("CREATE TABLE t_alpha.secrets (v text)");
            s.execute("INSERT INTO t_alpha.secrets VALUES ('chỉ của alpha')");
        }
        // a second verification at the same time gets a database of its own
        String second = scratch.borrow();
        assertNotEquals(first, second);
        scratch.giveBack(second);

        scratch.giveBack(first);
        try (Connection c = scratch.open(first)) {
            assertFalse(hasSchema(c, "t_alpha"), "emptied as soon as it is given back");
        }
        // a schema left by a verification cut off before it gave the database back is dropped before lending it again
        try (Connection c = scratch.open(first); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_leftover");
        }
        String again = scratch.borrow();
        String other = scratch.borrow();
        for (String name : new String[] {again, other}) {
            try (Connection c = scratch.open(name)) {
                assertFalse(hasSchema(c, "t_leftover"));
                assertFalse(hasSchema(c, "t_alpha"));
                assertEquals(true, hasSchema(c, "extensions"), "the shared extensions stay installed");
            }
        }
        assertEquals(java.util.Set.of(first, second), java.util.Set.of(again, other), "the same two databases, lent again");
        scratch.giveBack(again);
        scratch.giveBack(other);
        scratch.dropIdle();
    }
}
