package vn.cong.admin.workflow;

import vn.cong.system.VietnamTime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.accounts.Account;
import vn.cong.web.CsrfForm;
import vn.cong.workflow.Submission;
import vn.cong.workflow.WorkflowRun;

import java.time.format.DateTimeFormatter;

/** The submission form as posted (and as first shown: filled from the account, or from the last submission). */
@Serdeable
record SubmissionForm(@Nullable String unit, @Nullable String name, @Nullable String title, @Nullable String email,
                      @Nullable String phone, @Nullable String sensitivity, @Nullable String eventAt, @Nullable String highlighted,
                      @Nullable String quoted, @Nullable String source, @Nullable String note, @Nullable String version,
                      @Nullable String csrfToken, @Nullable String infoType, @Nullable String opensAt, @Nullable String notSecret,
                      @Nullable String portalAmongRecipients) implements CsrfForm {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static SubmissionForm of(Account me, int version, @Nullable String source) {
        return new SubmissionForm(me.unit(), me.fullName().isBlank() ? me.username() : me.fullName(), me.jobTitle(), me.email(),
                me.phone(), "routine", "", null, source == null ? null : "on", source == null ? "" : source, "",
                String.valueOf(version), null, "", "", null, null);
    }

    static SubmissionForm of(WorkflowRun run, int version, @Nullable String source) {
        WorkflowRun.Submitter s = run.submitter();
        return new SubmissionForm(s.unit(), s.name(), s.title(), s.email(), s.phone(), run.sensitivity().db(), local(run.eventAt()),
                run.eventHighlighted() ? "on" : null, source == null ? null : "on", source == null ? "" : source, "",
                String.valueOf(version), null, run.infoType() == null ? "" : run.infoType().code(), local(run.eventOpensAt()), null, null);
    }

    private static String local(@Nullable java.time.OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(VietnamTime.ZONE).format(LOCAL);
    }

    Submission submission() {
        return new Submission(unit, name, title, email, phone, sensitivity, ActionForm.localTime(eventAt), highlighted != null,
                quoted != null, source, note, infoType == null || infoType.isBlank() ? null : infoType.strip(), ActionForm.localTime(opensAt),
                notSecret != null, portalAmongRecipients != null);
    }

    boolean eventAtValid() {
        return ActionForm.validLocalTime(eventAt);
    }

    boolean opensAtValid() {
        return ActionForm.validLocalTime(opensAt);
    }

    int versionNumber() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
