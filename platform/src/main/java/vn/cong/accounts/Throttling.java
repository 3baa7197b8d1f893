package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * The throttle's answer before a password is checked: go ahead, or wait {@code retryAfter} because
 * this address failed too often ({@code perAddress}) or because this username did.
 */
public record Throttling(@Nullable Duration retryAfter, boolean perAddress) {

    static final Throttling ALLOWED = new Throttling(null, false);

    public boolean allowed() {
        return retryAfter == null;
    }

    /** Whole seconds for a {@code Retry-After} header: rounded up, at least one. */
    public long retryAfterSeconds() {
        if (retryAfter == null) {
            return 0;
        }
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** What the person is told, the same whether or not the username exists. */
    public String message() {
        return perAddress
                ? "Có quá nhiều lần đăng nhập sai từ địa chỉ của bạn. Vui lòng thử lại sau " + waitInWords() + "."
                : "Đăng nhập sai nhiều lần liên tiếp. Vui lòng chờ " + waitInWords() + " rồi thử lại.";
    }

    /** "45 giây" or "3 phút". */
    private String waitInWords() {
        long seconds = retryAfterSeconds();
        return seconds < 60 ? seconds + " giây" : (seconds + 59) / 60 + " phút";
    }
}
