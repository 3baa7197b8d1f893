package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.cong.system.mail.MailMessage;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.Tenant;

import java.util.List;

/** The e-mails that carry an answer to the citizen who asked (a question) or wrote (a petition), in their language. */
@Singleton
public class AnswerMails {

    private final PublicLinks links;

    public AnswerMails(PublicLinks links) {
        this.links = links;
    }

    /** The published answer of question {@code q}, with the link to its public page. */
    public MailMessage question(Tenant tenant, Question q) {
        boolean en = "en".equals(q.language());
        String link = links.tenant(tenant, Questions.prefix(q.language()) + Questions.PUBLIC_PATH + "/" + q.id());
        String portal = tenant.name(en ? "en" : "vi");
        String answer = MailText.of(q.answerHtml());
        return en
                ? new MailMessage(List.of(q.askerEmail()), "Answer to your question (" + q.trackingCode() + ")", """
                Your question to %s, “%s”, has been answered:

                %s

                The answer is published at %s""".formatted(portal, q.title(), answer, link))
                : new MailMessage(List.of(q.askerEmail()), "Trả lời câu hỏi của bạn (" + q.trackingCode() + ")", """
                Câu hỏi «%s» bạn gửi tới %s đã được trả lời:

                %s

                Câu trả lời được đăng tại %s""".formatted(q.title(), portal, answer, link));
    }

    /**
     * The answer to a petition: {@code p} is its tracking code, language, sender's e-mail, title and answer;
     * {@code publishedId} the petition's id when it is published (its page is linked), else null.
     */
    public MailMessage petition(Tenant tenant, String[] p, @Nullable Long publishedId) {
        boolean en = "en".equals(p[1]);
        String portal = tenant.name(en ? "en" : "vi");
        String link = publishedId == null ? "" : "\n\n" + links.tenant(tenant, Questions.prefix(p[1]) + Petitions.PUBLIC_PATH + "/" + publishedId);
        return en ? new MailMessage(List.of(p[2]), "Answer to your petition (" + p[0] + ")", """
                Your feedback or petition to %s, “%s”, has been answered:

                %s%s""".formatted(portal, p[3], p[4], link))
                : new MailMessage(List.of(p[2]), "Kết quả trả lời phản ánh, kiến nghị (" + p[0] + ")", """
                Phản ánh, kiến nghị của bạn gửi %s, «%s», đã được trả lời:

                %s%s""".formatted(portal, p[3], p[4], link));
    }
}
