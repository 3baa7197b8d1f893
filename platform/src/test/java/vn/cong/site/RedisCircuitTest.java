package vn.cong.site;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisCircuitTest {

    @Test
    void closedCircuitLetsEveryRequestThrough() {
        RedisCircuit circuit = new RedisCircuit(Duration.ofMinutes(1));
        assertTrue(circuit.allowRequest());
        assertTrue(circuit.allowRequest());
        assertFalse(circuit.isOpen());
    }

    @Test
    void failureKeepsRequestsAwayUntilTheRetryInterval() {
        RedisCircuit circuit = new RedisCircuit(Duration.ofMinutes(1));
        circuit.failed(new IllegalStateException("down"));
        assertTrue(circuit.isOpen());
        assertFalse(circuit.allowRequest());
        assertFalse(circuit.allowRequest());
    }

    @Test
    void afterTheIntervalOneRequestProbesAndSuccessCloses() {
        RedisCircuit circuit = new RedisCircuit(Duration.ZERO);
        circuit.failed(new IllegalStateException("down"));
        assertTrue(circuit.allowRequest(), "interval over: a probe goes through");
        circuit.succeeded();
        assertFalse(circuit.isOpen());
        assertTrue(circuit.allowRequest());
    }

    @Test
    void onlyOneProbeAtATimeWhileOpen() {
        RedisCircuit circuit = new RedisCircuit(Duration.ofMillis(1));
        circuit.failed(new IllegalStateException("down"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean probed = false;
        while (!probed && System.nanoTime() < deadline) {
            probed = circuit.allowRequest();
        }
        assertTrue(probed);
        assertFalse(circuit.allowRequest(), "the next probe waits for another interval");
    }
}
