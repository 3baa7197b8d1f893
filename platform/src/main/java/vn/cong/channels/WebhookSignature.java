package vn.cong.channels;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature a receiver checks: {@code X-Cong-Signature: sha256=<hex>}, the HMAC-SHA256 with the channel's
 * secret of {@code <X-Cong-Timestamp>.<body>} (the timestamp in seconds since 1970, so an old message replayed
 * later can be told apart).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Cong-Signature";
    public static final String TIMESTAMP = "X-Cong-Timestamp";
    public static final String DELIVERY = "X-Cong-Delivery";
    public static final String EVENT = "X-Cong-Event";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
