package vn.cong.system;

import java.time.ZoneId;

/** Vietnam's one time zone (UTC+7, no daylight saving): deadlines, report periods and shown times use it. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
