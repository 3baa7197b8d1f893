package vn.cong.system.mail;

import java.util.List;

/** A plain-text e-mail: recipients, subject, body (UTF-8). */
public record MailMessage(List<String> to, String subject, String text) {

    public MailMessage {
        to = List.copyOf(to);
    }
}
