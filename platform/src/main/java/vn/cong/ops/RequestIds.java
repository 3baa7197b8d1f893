package vn.cong.ops;

import io.micronaut.core.annotation.Nullable;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids ({@code X-Request-Id}): the proxy's when it is a sane token, else a fresh one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** No spaces or control characters: the id is written into log lines verbatim. */
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:=+/-]{0,127}$");

    private RequestIds() {
    }

    public static String idFor(@Nullable String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    }

    /** 64 random bits: enough to tell requests apart in logs, cheap enough for every request. */
    private static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
