package vn.cong.ops.integrity;

import io.micronaut.core.annotation.Nullable;
import vn.cong.ops.integrity.IntegrityFinding.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Walks a tenant's event chain in sequence order and names what no longer fits: an event whose
 * fields do not give its hash (altered), an event whose successor links to another hash (its hash
 * was rewritten), a gap in the sequence (missing events), a head record ahead of or behind the last
 * event (events removed from the end), or a previously anchored event that changed. Fed one event
 * at a time, so a long log is never held in memory.
 */
final class ChainWalk {

    static final String GENESIS = "0".repeat(64);
    /** Enough to act on; a rewritten chain would otherwise report every event after the change. */
    static final int MAX_FINDINGS = 50;

    /** One event as stored, with the hash its stored fields give now. */
    record Event(long id, long seq, String prevHash, String hash, String recomputed) {
    }

    private final String tenant;
    private final @Nullable ChainAnchor anchor;
    private final List<IntegrityFinding> findings = new ArrayList<>();
    private long expectedSeq = 1;
    private String expectedPrev = GENESIS;
    private @Nullable Event last;
    private boolean lastReported;
    private long events;

    ChainWalk(String tenant, @Nullable ChainAnchor anchor) {
        this.tenant = tenant;
        this.anchor = anchor;
    }

    void accept(Event e) {
        events++;
        boolean altered = !Objects.equals(e.recomputed(), e.hash());
        if (e.seq() > expectedSeq) {
            report(Kind.EVENT_MISSING, null, expectedSeq, missing(expectedSeq, e.seq() - 1)
                    + (last == null ? " (trước sự kiện mã " + e.id() + ")" : " (giữa sự kiện mã " + last.id() + " và mã " + e.id() + ")") + ".");
        } else if (!Objects.equals(e.prevHash(), expectedPrev) && last != null && !lastReported) {
            // the successor still links to the old hash: the previous event was altered and re-hashed
            report(Kind.EVENT_ALTERED, last.id(), last.seq(), "Sự kiện #" + last.seq() + " (mã " + last.id()
                    + ") đã bị sửa: mã băm của nó bị tính lại, sự kiện kế tiếp vẫn trỏ tới mã băm cũ.");
        } else if (!Objects.equals(e.prevHash(), expectedPrev) && last == null) {
            report(Kind.EVENT_ALTERED, e.id(), e.seq(), "Sự kiện #" + e.seq() + " (mã " + e.id() + ") không nối vào đầu chuỗi.");
            altered = false;
        }
        lastReported = false;
        if (altered) {
            report(Kind.EVENT_ALTERED, e.id(), e.seq(), "Sự kiện #" + e.seq() + " (mã " + e.id()
                    + ") đã bị sửa: nội dung không còn khớp mã băm.");
            lastReported = true;
        }
        if (anchor != null && e.seq() == anchor.seq() && !Objects.equals(e.hash(), anchor.hash()) && !altered) {
            report(Kind.CHAIN_REWRITTEN, e.id(), e.seq(), "Sự kiện #" + e.seq() + " (mã " + e.id()
                    + ") khác với lần kiểm tra sạch trước: chuỗi đã bị viết lại từ sự kiện này trở về trước.");
        }
        expectedSeq = e.seq() + 1;
        expectedPrev = e.hash();
        last = e;
    }

    /** Compares the end of the walk with the chain's head record and the last anchor. */
    void finish(long headSeq, String headHash) {
        long lastSeq = last == null ? 0 : last.seq();
        String lastHash = last == null ? GENESIS : last.hash();
        if (headSeq > lastSeq) {
            report(Kind.EVENT_MISSING, null, lastSeq + 1, missing(lastSeq + 1, headSeq) + " ở cuối nhật ký"
                    + (last == null ? "" : " (sau sự kiện mã " + last.id() + ")") + ".");
        } else if (headSeq < lastSeq || !Objects.equals(headHash, lastHash)) {
            report(Kind.CHAIN_HEAD_MISMATCH, last == null ? null : last.id(), lastSeq,
                    "Bản ghi đầu chuỗi (#" + headSeq + ") không khớp sự kiện cuối cùng (#" + lastSeq + ").");
        }
        if (anchor != null && anchor.seq() > Math.max(lastSeq, headSeq)) {
            report(Kind.EVENT_MISSING, null, Math.max(lastSeq, headSeq) + 1, missing(Math.max(lastSeq, headSeq) + 1, anchor.seq())
                    + ": lần kiểm tra sạch trước đã thấy nhật ký dài tới #" + anchor.seq() + ".");
        }
    }

    private static String missing(long from, long to) {
        return from == to ? "Thiếu sự kiện #" + from : "Thiếu các sự kiện #" + from + " đến #" + to;
    }

    private void report(Kind kind, @Nullable Long eventId, long seq, String summary) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(IntegrityFinding.event(tenant, kind, eventId, seq, summary));
        }
    }

    List<IntegrityFinding> findings() {
        return List.copyOf(findings);
    }

    long events() {
        return events;
    }

    /** The chain's end when it verified clean: the next check's anchor. */
    @Nullable
    ChainAnchor cleanEnd() {
        return findings.isEmpty() && last != null ? new ChainAnchor(last.seq(), last.hash()) : null;
    }
}
