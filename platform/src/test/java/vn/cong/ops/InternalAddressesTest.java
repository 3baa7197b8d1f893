package vn.cong.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalAddressesTest {

    @Test
    void networksContainTheirAddressesOnly() {
        var block = InternalAddresses.Network.parse("10.20.0.0/16");
        assertTrue(block.contains(InternalAddresses.literal("10.20.255.1")));
        assertFalse(block.contains(InternalAddresses.literal("10.21.0.1")));
        assertFalse(block.contains(InternalAddresses.literal("::1")));
        var loopback6 = InternalAddresses.Network.parse("::1/128");
        assertTrue(loopback6.contains(InternalAddresses.literal("0:0:0:0:0:0:0:1")));
        assertTrue(InternalAddresses.Network.parse("192.0.2.5").contains(InternalAddresses.literal("192.0.2.5")));
        assertFalse(InternalAddresses.Network.parse("192.0.2.5").contains(InternalAddresses.literal("192.0.2.6")));
    }

    @Test
    void namesAreNeverLookedUpAndBadBlocksStopStartUp() {
        assertNull(InternalAddresses.literal("localhost"));
        assertNull(InternalAddresses.literal("evil.example"));
        assertThrows(IllegalArgumentException.class, () -> InternalAddresses.Network.parse("intranet/8"));
        assertThrows(IllegalArgumentException.class, () -> InternalAddresses.Network.parse("10.0.0.0/33"));
    }
}
