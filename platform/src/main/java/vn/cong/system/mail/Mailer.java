package vn.cong.system.mail;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;

/**
 * Sends e-mail through the configured SMTP server (Jakarta Mail / Angus Mail). SMTP is blocking, so
 * each send runs on the bounded {@code mail} executor and the caller only gets a {@code Mono}: a slow
 * or unreachable server never holds an event loop or a request. Without a configured host, sending
 * completes at once and sends nothing.
 */
@Singleton
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final MailConfiguration config;
    private final Scheduler mail;

    public Mailer(MailConfiguration config, @Named("mail") ExecutorService mail) {
        this.config = config;
        this.mail = Schedulers.fromExecutorService(mail);
    }

    public boolean isConfigured() {
        return config.isConfigured();
    }

    /** Sends the message; completes when the SMTP server accepted it, errors when it did not. */
    public Mono<Void> send(MailMessage message) {
        if (!config.isConfigured()) {
            LOG.debug("E-mail not configured (cong.mail.host): not sending \"{}\"", message.subject());
            return Mono.empty();
        }
        if (message.to().isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> sendNow(message)).subscribeOn(mail).then();
    }

    private void sendNow(MailMessage message) {
        try {
            Session session = Session.getInstance(properties());
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(config.from(), true));
            for (String to : message.to()) {
                mime.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.text(), StandardCharsets.UTF_8.name());
            for (java.util.Map.Entry<String, String> header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            mime.setSentDate(new Date());
            if (config.hasLogin()) {
                Transport.send(mime, config.username(), config.password() == null ? "" : config.password());
            } else {
                Transport.send(mime);
            }
        } catch (AddressException e) {
            throw new MailFailure("Địa chỉ e-mail không hợp lệ: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MailFailure("Máy chủ SMTP " + config.host() + ":" + config.port() + " không nhận thư: " + e.getMessage(), e);
        }
    }

    private Properties properties() {
        String protocol = "ssl".equals(security()) ? "smtps" : "smtp";
        String timeout = Long.toString(config.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", config.host());
        p.put("mail." + protocol + ".port", Integer.toString(config.port()));
        p.put("mail." + protocol + ".auth", Boolean.toString(config.hasLogin()));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        if ("starttls".equals(security())) {
            // required, not merely enabled: never fall back to sending the password in clear
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!"none".equals(security())) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    private String security() {
        return config.security().strip().toLowerCase(Locale.ROOT);
    }

    /** The SMTP server refused or could not be reached; the message says which, for operators. */
    public static class MailFailure extends RuntimeException {
        MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
