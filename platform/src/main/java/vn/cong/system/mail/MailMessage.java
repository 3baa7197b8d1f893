package vn.cong.system.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-text e-mail: recipients, subject, body (UTF-8), and extra header fields (e.g. {@code List-Unsubscribe} of
 * RFC 8058 on a subscription's messages; none for most mail).
 */
@Serdeable
public record MailMessage(List<String> to, String subject, String text, @Nullable Map<String, String> headers) {

    private static final String BREAKS = "[\\r\\n\\u2028\\u2029\\u0085]+";

    public MailMessage {
        to = List.copyOf(to);
        // a line break in a subject built from typed text (an item's title) must not start a header
        subject = subject.replaceAll(BREAKS, " ").strip();
        Map<String, String> clean = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name.matches("[A-Za-z][A-Za-z0-9-]*") && value != null) {
                    clean.put(name, value.replaceAll(BREAKS, " ").strip());
                }
            });
        }
        headers = java.util.Collections.unmodifiableMap(clean);
    }

    public MailMessage(List<String> to, String subject, String text) {
        this(to, subject, text, Map.of());
    }
}
