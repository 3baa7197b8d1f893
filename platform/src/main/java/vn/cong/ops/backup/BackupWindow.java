package vn.cong.ops.backup;

import io.micronaut.scheduling.cron.CronExpression;
import vn.cong.system.VietnamTime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Spreads the tenants' scheduled backups over a window after each cron time, so that 2,000 tenants on the same
 * schedule do not all start at 01:30: each tenant's slot is the cron time plus an offset inside the window that
 * depends only on its code (the first 8 bytes of SHA-256 of the code, as a fraction of the window). The offsets
 * are uniform over the window, the same for a tenant from one run to the next (its backups stay evenly apart)
 * and need no coordination between nodes. A window of zero keeps the cron times as they are.
 */
record BackupWindow(Duration length) {

    BackupWindow {
        if (length.isNegative()) {
            throw new IllegalArgumentException("Khung giờ sao lưu không được âm: " + length);
        }
    }

    /** The tenant's place in the window: from zero (inclusive) to the window's length (exclusive). */
    Duration offsetOf(String tenantCode) {
        if (length.isZero()) {
            return Duration.ZERO;
        }
        double fraction = (sha256Prefix(tenantCode) >>> 11) * 0x1.0p-53; // 53 random bits → [0, 1)
        return Duration.ofMillis((long) (fraction * length.toMillis()));
    }

    /** The tenant's first slot strictly after {@code after}: the next cron time whose offset slot lies after it. */
    Instant slotAfter(String tenantCode, String cron, Instant after) {
        Duration offset = offsetOf(tenantCode);
        return cronTimeAfter(cron, after.minus(offset)).plus(offset);
    }

    /** The next time of {@code cron} (Vietnam time) after {@code after}; an invalid expression is refused. */
    static Instant cronTimeAfter(String cron, Instant after) {
        ZonedDateTime next = CronExpression.create(cron).nextTimeAfter(after.atZone(VietnamTime.ZONE));
        if (next == null) {
            throw new IllegalArgumentException("Biểu thức lịch (cron) không hợp lệ: " + cron);
        }
        return next.toInstant();
    }

    private static long sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
