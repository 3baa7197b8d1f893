package vn.cong.system.mail;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A plain-text e-mail: recipients, subject, body (UTF-8). */
@Serdeable
public record MailMessage(List<String> to, String subject, String text) {

    public MailMessage {
        to = List.copyOf(to);
        // a line break in a subject built from typed text (an item's title) must not start a header
        subject = subject.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ").strip();
    }
}
