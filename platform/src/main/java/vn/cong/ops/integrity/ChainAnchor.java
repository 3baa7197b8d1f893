package vn.cong.ops.integrity;

/** A chain position known to be good: the last event's sequence number and hash at a clean check. */
record ChainAnchor(long seq, String hash) {
}
