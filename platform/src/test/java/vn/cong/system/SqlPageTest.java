package vn.cong.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlPageTest {

    @Test
    void theNumbersAreWrittenIntoTheStatement() {
        assertEquals(" LIMIT 10 OFFSET 0", Sql.page(10, 0));
        assertEquals(" LIMIT 24 OFFSET 48000000000", Sql.page(24, 2_000_000_000L * 24));
    }

    @Test
    void negativeNumbersAreRefusedNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> Sql.page(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Sql.page(10, -10));
    }
}
