package vn.cong.ops;

import org.junit.jupiter.api.Test;
import vn.cong.system.IpNetwork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalAddressesTest {

    @Test
    void networksContainTheirAddressesOnly() {
        var block = IpNetwork.parse("10.20.0.0/16");
        assertTrue(block.contains(IpNetwork.literal("10.20.255.1")));
        assertFalse(block.contains(IpNetwork.literal("10.21.0.1")));
        assertFalse(block.contains(IpNetwork.literal("::1")));
        var loopback6 = IpNetwork.parse("::1/128");
        assertTrue(loopback6.contains(IpNetwork.literal("0:0:0:0:0:0:0:1")));
        assertTrue(IpNetwork.parse("192.0.2.5").contains(IpNetwork.literal("192.0.2.5")));
        assertFalse(IpNetwork.parse("192.0.2.5").contains(IpNetwork.literal("192.0.2.6")));
    }

    @Test
    void namesAreNeverLookedUpAndBadBlocksStopStartUp() {
        assertNull(IpNetwork.literal("localhost"));
        assertNull(IpNetwork.literal("evil.example"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("intranet/8"));
        assertThrows(IllegalArgumentException.class, () -> IpNetwork.parse("10.0.0.0/33"));
    }
}
